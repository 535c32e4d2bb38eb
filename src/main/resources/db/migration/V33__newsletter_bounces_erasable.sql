-- A person's erasure (GDPR) removes their bounce records with their subscription: the app role may
-- delete bounces (V32 granted only reading and writing them).
GRANT DELETE ON newsletter_bounce TO ${appRole};
