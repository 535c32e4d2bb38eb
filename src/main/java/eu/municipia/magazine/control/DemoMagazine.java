package eu.municipia.magazine.control;

import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.ArticleForm;
import eu.municipia.magazine.entity.ArticleStatus;
import eu.municipia.magazine.entity.Audience;
import eu.municipia.magazine.entity.Issue;
import eu.municipia.magazine.entity.Topic;
import eu.municipia.membership.control.Officials;
import eu.municipia.membership.entity.Official;
import eu.municipia.membership.entity.OfficialRole;
import eu.municipia.newsletter.control.Subscribers;
import eu.municipia.newsletter.entity.SubscriptionForm;
import eu.municipia.platform.control.DemoSeed;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.entity.SiteProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Demo content of SMOPK's magazine, written from the association's own texts: articles about its
 * members' and partners' projects (Zdravá krajina Plzeňského kraje, Husova cesta, Čilá), a grant
 * call, a members-only note, one published issue (2026/1), a handful of subscribers, and the
 * association's contact and colour.
 */
@ApplicationScoped
public class DemoMagazine implements DemoSeed {

  static final String CILA = "540927";

  @Inject Articles articles;
  @Inject Issues issues;
  @Inject Officials officials;
  @Inject Subscribers subscribers;
  @Inject SiteProfiles profiles;

  @Override
  public String tenant() {
    return "smopk";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  @Transactional
  public String seedIfEmpty() {
    if (!articles.all().isEmpty()) {
      return "has articles already";
    }
    profiles.change(
        new SiteProfile.Form("kancelar@smopk.example", "+420 377 195 000", "#1d5f3a"), DEMO);
    Official mayor =
        officials.add(
            CILA,
            new Official.Details(
                OfficialRole.MAYOR,
                "Josef Král",
                "starosta@cila.example",
                "+420 371 000 111",
                LocalDate.of(2022, 10, 1),
                null),
            DEMO);
    Article landscape =
        publish(
            new ArticleForm(
                "Zdravá krajina Plzeňského kraje: voda zůstává v krajině",
                "Healthy Landscape of the Plzeň Region: keeping water in the landscape",
                "Obce a partneři projektu Zdravá krajina obnovují tůně, meze a remízky. Ukazujeme, co"
                    + " se za tři roky podařilo a kde se inspirovat.",
                "<p>Sucho posledních let dopadá i na obce Plzeňského kraje. Projekt <strong>Zdravá"
                    + " krajina Plzeňského kraje</strong> spojuje obce, zemědělce a odborníky, aby"
                    + " voda zůstávala v krajině.</p><h2>Co se podařilo</h2><ul><li>obnovené tůně"
                    + " a mokřady,</li><li>nové meze a remízky na erozně ohrožených polích,</li>"
                    + "<li>výsadba alejí podél polních cest.</li></ul><blockquote><p>„Když není"
                    + " člověk na vše sám, lépe se mu hledá řešení na každý problém.“</p>"
                    + "</blockquote><p>Zkušenosti sdílíme i s obcemi z Jihočeského a Karlovarského"
                    + " kraje.</p>",
                Set.of(Topic.ENVIRONMENT),
                Audience.PUBLIC,
                List.of(),
                null,
                null,
                true,
                null));
    Article trail =
        publish(
            new ArticleForm(
                "Husova cesta: poutní trasa, která spojuje obce",
                "The Hus Trail: a pilgrims' route linking municipalities",
                "Husova cesta vede i Plzeňským krajem. Obce podél ní získávají návštěvníky a společně"
                    + " pečují o značení a odpočívadla.",
                "<p>Trasa <strong>Husovy cesty</strong> spojuje místa spjatá s Mistrem Janem Husem."
                    + " Obce na trase se domluvily na společném značení, opravách odpočívadel a"
                    + " propagaci.</p><table><tr><th>Úsek</th><th>Délka</th></tr><tr><td>Plzeň –"
                    + " Rokycany</td><td>21 km</td></tr><tr><td>Rokycany – Zbiroh</td><td>18 km</td>"
                    + "</tr></table><p>Rádi zprostředkujeme kontakt na koordinátory trasy.</p>",
                Set.of(Topic.TRANSPORT, Topic.COMMUNITY),
                Audience.PUBLIC,
                List.of("554791"),
                null,
                null,
                false,
                null));
    Article cila =
        publish(
            new ArticleForm(
                "Čilá: nejmenší členská obec opravila náves vlastními silami",
                "Čilá: the smallest member municipality restored its green itself",
                "Obec s osmnácti obyvateli ukazuje, že i malá obec zvládne velký projekt. Starosta"
                    + " rád poradí dalším obcím.",
                "<p>Čilá na Rokycansku je nejmenší členskou obcí SMOPK. Obyvatelé během dvou let"
                    + " obnovili náves, vysadili lípy a opravili kapličku, z velké části brigádně."
                    + "</p><p>Projekt podpořil Plzeňský kraj z programu stabilizace venkova.</p>",
                Set.of(Topic.COMMUNITY),
                Audience.PUBLIC,
                List.of(CILA),
                CILA,
                mayor.getId(),
                false,
                null));
    publish(
        new ArticleForm(
            "Výzva: mezinárodní projekty pro klima (EUKI)",
            "Call: international climate projects (EUKI)",
            "Obce mohou získat peníze na mezinárodní projekty ke zmírnění dopadů klimatických změn."
                + " Žádosti lze podávat do 18. února.",
            "<p>Evropská klimatická iniciativa (EUKI) podporuje projekty spolupráce ve střední,"
                + " východní a jižní Evropě. Žádat mohou i místní samosprávy.</p>",
            Set.of(Topic.GRANTS, Topic.INTERNATIONAL),
            Audience.PUBLIC,
            List.of(),
            null,
            null,
            false,
            null));
    publish(
        new ArticleForm(
            "Podklady k připomínkám novely zákona o obcích",
            "Materials for comments on the amendment of the Municipalities Act",
            "Pro členy: shrnutí změn, které novela přináší malým obcím, a termín pro zaslání"
                + " připomínek sdružení.",
            "<p>Připomínky zasílejte do kanceláře sdružení do konce měsíce. Shrnutí změn najdete"
                + " níže.</p>",
            Set.of(Topic.SMART),
            Audience.MEMBERS,
            List.of(),
            null,
            null,
            false,
            null));
    subscribers.enrolOfficials();
    for (String email : List.of("ctenar@example.org", "obecni.kronika@example.org")) {
      subscribers.addConsented(new SubscriptionForm(email, null, "cs", true));
    }
    Issue.Number number = new Issue.Number(2026, 1);
    issues.create(number, "Krajina a cesty", DEMO);
    issues.arrange(
        number, "Krajina a cesty", List.of(landscape.slug(), trail.slug(), cila.slug()), DEMO);
    // In the archive, not mailed: at start-up the address for the mail's links may be unknown yet
    // (APP_BASE_URL unset, no request served), and the demo's readers are example addresses. The
    // demo's editors send the next issue themselves.
    issues.require(number).publish(Instant.now());
    return "5 articles, issue 2026/1 (not mailed), subscribers";
  }

  private Article publish(ArticleForm form) {
    Article article = articles.create(form, DEMO);
    articles.move(article.slug(), ArticleStatus.IN_REVIEW, null, DEMO);
    return articles.move(article.slug(), ArticleStatus.PUBLISHED, null, DEMO);
  }
}
