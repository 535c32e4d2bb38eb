package eu.municipia.seminars.control;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.DemoSeed;
import eu.municipia.seminars.entity.EventForm;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.RegistrationForm;
import eu.municipia.seminars.entity.Seminar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo data: SMOPK's events around today, from what the association says it does (seminars on
 * legislative changes with lecturers from practice, workshops, study visits to places of good
 * practice across the border): a past seminar on the new building act with its attendance, an
 * upcoming workshop that is full with a waitlist, a two-day study visit in Bavaria for members, and
 * a seminar on changes to the municipalities act open to the public.
 */
@ApplicationScoped
public class DemoSeminars implements DemoSeed {

  @Inject Seminars seminars;
  @Inject Registrations registrations;
  @Inject Clock clock;

  @Override
  public String tenant() {
    return "smopk";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String seedIfEmpty() {
    if (!seminars.all().isEmpty()) {
      return "has events already";
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), Seminar.ZONE);
    int people = 0;

    Seminar building =
        event(
            "SEMINAR",
            "Nový stavební zákon v praxi obecních úřadů",
            "Seminář pro starosty, místostarosty a pracovníky obecních úřadů: co nový stavební"
                + " zákon mění pro obce jako účastníky řízení, jak se obce vyjadřují k záměrům a"
                + " jak na digitalizaci stavebního řízení. Lektoři z praxe odpovídají na dotazy.",
            "Legislativa",
            "Ing. Markéta Holubová (krajský úřad), JUDr. Tomáš Říha (advokát)",
            at(today.minusDays(20), 9, 0),
            at(today.minusDays(20), 14, 30),
            "Krajský úřad Plzeňského kraje, sál 1",
            "Škroupova 18, 301 00 Plzeň",
            "49.7429",
            "13.3749",
            40,
            "PUBLIC",
            "",
            List.of(
                item(
                    today.minusDays(20),
                    9,
                    0,
                    "Co se mění: přehled nového stavebního zákona",
                    "Markéta Holubová"),
                item(today.minusDays(20), 10, 30, "Obec jako účastník řízení", "Tomáš Říha"),
                item(today.minusDays(20), 13, 0, "Dotazy z praxe obecních úřadů", "")));
    people +=
        register(
            building, "559717", "Ing. Jana Šťastná", "tajemnice", "jana.stastna@rokycany.example");
    people += register(building, "560260", "Petr Dvořák", "starosta", "starosta@zbiroh.example");
    people += register(building, "540927", "Josef Král", "starosta", "starosta@cila.example");
    for (Registration r : registrations.queue(building.id())) {
      r.activePeople().forEach(p -> registrations.checkInPerson(building.id(), p.id(), DEMO));
    }

    Seminar workshop =
        event(
            "WORKSHOP",
            "Workshop: chytrá řešení pro malé obce",
            "Praktický workshop o tom, co zvládne i malá obec: sdílené služby, chytré měření"
                + " spotřeby energie ve veřejných budovách a mobilní rozhlas. Pracujeme v malých"
                + " skupinách nad příklady dobré praxe z členských obcí.",
            "Chytrá řešení",
            "Mgr. Lucie Benešová (RRA Plzeňského kraje)",
            at(today.plusDays(12), 9, 30),
            at(today.plusDays(12), 15, 0),
            "Regionální rozvojová agentura Plzeňského kraje",
            "Riegrova 1, 301 00 Plzeň",
            "49.7476",
            "13.3796",
            12,
            "MEMBERS",
            "",
            List.of());
    people +=
        register(
            workshop,
            "554791",
            "Bc. Karel Novotný",
            "odbor rozvoje",
            "karel.novotny@plzen.example",
            "Eva Svobodová",
            "eva.svobodova@plzen.example",
            "Tomáš Marek",
            "tomas.marek@plzen.example");
    people +=
        register(
            workshop,
            "559300",
            "Marie Kučerová",
            "místostarostka",
            "mistostarostka@nyrany.example",
            "Pavel Horák",
            "pavel.horak@nyrany.example");
    people +=
        register(
            workshop,
            "559521",
            "Ing. Jiří Pokorný",
            "starosta",
            "starosta@tremosna.example",
            "Alena Veselá",
            "alena.vesela@tremosna.example",
            "Martin Černý",
            "martin.cerny@tremosna.example");
    people +=
        register(
            workshop,
            "558371",
            "Hana Procházková",
            "starostka",
            "starostka@starplzenec.example",
            "Ondřej Krejčí",
            "ondrej.krejci@starplzenec.example",
            "Lenka Fialová",
            "lenka.fialova@starplzenec.example",
            "Roman Bartoš",
            "roman.bartos@starplzenec.example");
    people +=
        register(
            workshop,
            "559075",
            "Jaroslav Kříž",
            "starosta",
            "starosta@kralovice.example",
            "Simona Malá",
            "simona.mala@kralovice.example");
    people += register(workshop, "560120", "Zdeněk Šimek", "starosta", "starosta@radnice.example");

    Seminar visit =
        event(
            "STUDY_VISIT",
            "Studijní cesta: dobrá praxe obcí v Bavorsku",
            "Dvoudenní studijní cesta do partnerských obcí v Horní Falci: obecní výtopna na"
                + " biomasu, sdílená školka pro tři obce a přeshraniční spolupráce. Odjezd"
                + " autobusem od krajského úřadu, nocleh v Chamu.",
            "Přeshraniční spolupráce",
            "Mgr. Rudolf Salvetr (předseda SMOPK), zástupci partnerských obcí",
            at(today.plusDays(40), 7, 0),
            at(today.plusDays(41), 18, 0),
            "Odjezd: Krajský úřad Plzeňského kraje",
            "Škroupova 18, 301 00 Plzeň",
            "49.7429",
            "13.3749",
            30,
            "MEMBERS",
            "1500",
            List.of(
                item(today.plusDays(40), 7, 0, "Odjezd z Plzně", ""),
                item(
                    today.plusDays(40),
                    10,
                    30,
                    "Obecní výtopna na biomasu",
                    "starosta partnerské obce"),
                item(today.plusDays(40), 14, 0, "Sdílená mateřská škola tří obcí", ""),
                item(
                    today.plusDays(41),
                    9,
                    0,
                    "Přeshraniční projekty a jejich financování",
                    "Rudolf Salvetr"),
                item(today.plusDays(41), 15, 0, "Návrat do Plzně", "")));
    people += register(visit, "540927", "Josef Král", "starosta", "starosta@cila.example");
    people +=
        register(
            visit,
            "559997",
            "Vladimír Beneš",
            "starosta",
            "starosta@mirosov.example",
            "Ivana Nováková",
            "ivana.novakova@mirosov.example");

    Seminar law =
        event(
            "SEMINAR",
            "Změny v zákoně o obcích: co se mění pro zastupitele",
            "Přehled letošních změn v zákoně o obcích a v odměňování členů zastupitelstev,"
                + " s příklady z praxe a prostorem pro dotazy. Seminář je otevřen i veřejnosti.",
            "Legislativa",
            "JUDr. Tomáš Říha (advokát)",
            at(today.plusDays(26), 13, 0),
            at(today.plusDays(26), 16, 30),
            "Krajský úřad Plzeňského kraje, sál 1",
            "Škroupova 18, 301 00 Plzeň",
            "49.7429",
            "13.3749",
            60,
            "PUBLIC",
            "",
            List.of(
                item(today.plusDays(26), 13, 0, "Změny v zákoně o obcích", "Tomáš Říha"),
                item(today.plusDays(26), 15, 0, "Odměny členů zastupitelstev", "Tomáš Říha")));
    people +=
        register(law, "558966", "Ing. Petra Šebestová", "starostka", "starostka@chrast.example");
    return "4 events, " + people + " people registered";
  }

  private Seminar event(
      String kind,
      String title,
      String description,
      String topic,
      String lecturers,
      LocalDateTime starts,
      LocalDateTime ends,
      String venue,
      String address,
      String latitude,
      String longitude,
      int capacity,
      String audience,
      String fee,
      List<EventForm.ProgrammeLine> programme) {
    LocalDateTime opens = LocalDateTime.ofInstant(clock.instant(), Seminar.ZONE).minusDays(60);
    return seminars.create(
        new EventForm(
            kind,
            title,
            description,
            topic,
            lecturers,
            starts.toString(),
            ends.toString(),
            venue,
            address,
            latitude,
            longitude,
            null,
            Integer.toString(capacity),
            (opens.isBefore(starts) ? opens : starts.minusDays(1)).toString(),
            starts.minusDays(1).toString(),
            audience,
            fee,
            Integer.toString(seminars.defaultOfferHours()),
            programme),
        DEMO);
  }

  /** One municipality's people; the first is also the contact. Answers how many. */
  private int register(
      Seminar seminar, String code, String contact, String role, String email, String... others) {
    List<RegistrationForm.PersonLine> lines = new ArrayList<>();
    lines.add(new RegistrationForm.PersonLine(contact, email, role));
    for (int i = 0; i + 1 < others.length; i += 2) {
      lines.add(new RegistrationForm.PersonLine(others[i], others[i + 1], null));
    }
    registrations.registerMembers(
        seminar.id(),
        new RegistrationForm(lines, contact, email, null, true, false),
        "cs",
        new Registrations.Origin(new MunicipalityCode("CZ", code), null),
        DEMO,
        true);
    return lines.size();
  }

  private static LocalDateTime at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute));
  }

  private static EventForm.ProgrammeLine item(
      LocalDate day, int hour, int minute, String title, String lecturer) {
    return new EventForm.ProgrammeLine(at(day, hour, minute).toString(), null, title, lecturer);
  }
}
