package eu.municipia.resolutions.control;

import eu.municipia.membership.control.MemberDirectory;
import eu.municipia.platform.control.DemoSeed;
import eu.municipia.resolutions.entity.BodyForm;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Meeting;
import eu.municipia.resolutions.entity.MeetingForm;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.ResolutionForm;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.SeatForm;
import eu.municipia.resolutions.entity.TaskForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Demo data: SMOPK's executive committee (správní výbor) with two meetings and its general assembly
 * (sněm) of the member municipalities' delegates with one, their resolutions recorded through the
 * use cases (numbers and outcomes computed): the budget, the dues rate, electing the chair, taking
 * note of the annual report, a seminar plan later amended, a rejected proposal, a members-only
 * personnel matter, follow-up tasks. The chair's name is from SMOPK's own pages.
 */
@ApplicationScoped
public class DemoResolutions implements DemoSeed {

  @Inject Bodies bodies;
  @Inject Meetings meetings;
  @Inject Resolutions resolutions;
  @Inject MemberDirectory directory;

  @Override
  public String tenant() {
    return "smopk";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String seedIfEmpty() {
    if (!bodies.all().isEmpty()) {
      return "has bodies already";
    }
    int count = executiveCommittee() + assembly();
    return count + " resolutions";
  }

  private int executiveCommittee() {
    GoverningBody committee =
        bodies.create(
            new BodyForm(
                "Správní výbor",
                "Executive Committee",
                "EXECUTIVE_COMMITTEE",
                "SV/{year}/{n}",
                "MEMBERS",
                "HALF_OF_PRESENT",
                Map.of(),
                false),
            DEMO);
    LocalDate term = LocalDate.of(2022, 11, 1);
    List<Seat> seats =
        List.of(
            seat(committee, "Mgr. Rudolf Salvetr", null, "CHAIR", term),
            seat(committee, "Ing. Jana Marešová", "559130", "VICE_CHAIR", term),
            seat(committee, "Bc. Petr Horák", "554791", "MEMBER", term),
            seat(committee, "Marie Kuncová", "540927", "MEMBER", term),
            seat(committee, "Ing. Tomáš Vlček", "558851", "MEMBER", term),
            seat(committee, "Mgr. Lenka Šimková", "557846", "MEMBER", term),
            seat(committee, "Josef Bureš", "540561", "MEMBER", term));

    Meeting january =
        meeting(committee, 41, LocalDateTime.of(2026, 1, 22, 14, 0), "Plzeň, Škroupova 18");
    present(january, seats.subList(0, 5), january.startsAt(), null);
    present(january, seats.subList(5, 6), january.startsAt().plusMinutes(25), null); // came late
    int n = 0;
    resolve(
        january,
        "GENERAL",
        "14:15",
        5,
        0,
        0,
        "PUBLIC",
        "Návrh rozpočtu na rok 2026",
        "Správní výbor projednal návrh rozpočtu sdružení na rok 2026 a doporučuje ho sněmu ke schválení.");
    n++;
    Resolution seminars =
        resolve(
            january,
            "GENERAL",
            "14:40",
            6,
            0,
            0,
            "PUBLIC",
            "Plán seminářů na 1. pololetí 2026",
            "Správní výbor schvaluje plán seminářů a studijních cest pro členské obce na 1. pololetí"
                + " 2026 (zákon o obcích v praxi, odpadové hospodářství, dotační tituly Plzeňského kraje).");
    n++;
    resolutions.addTask(
        seminars.id(),
        new TaskForm(
            "Zajistit lektory a sály seminářů",
            "výkonná ředitelka",
            LocalDate.of(2026, 2, 28),
            "DONE",
            "Lektoři potvrzeni, sály zajištěny v Plzni a v Rokycanech."),
        DEMO);
    resolve(
        january,
        "GENERAL",
        "15:00",
        4,
        1,
        1,
        "MEMBERS",
        "Odměna výkonné ředitelky",
        "Správní výbor schvaluje mimořádnou odměnu výkonné ředitelce sdružení za přípravu"
            + " projektu přeshraniční spolupráce.");
    n++;

    Meeting march =
        meeting(
            committee, 42, LocalDateTime.of(2026, 3, 12, 14, 0), "Rokycany, Masarykovo náměstí 1");
    present(march, seats.subList(0, 4), march.startsAt(), null);
    present(
        march,
        seats.subList(4, 6),
        march.startsAt(),
        march.startsAt().plusMinutes(50)); // left early
    resolve(
        march,
        "NOTE",
        "14:10",
        6,
        0,
        0,
        "PUBLIC",
        "Příprava sněmu",
        "Správní výbor bere na vědomí informaci o přípravě sněmu sdružení dne 23. dubna 2026 a"
            + " schvaluje jeho program.");
    n++;
    resolve(
        march,
        "DUES",
        "14:30",
        2,
        3,
        1,
        "PUBLIC",
        "Návrh na zvýšení členského příspěvku",
        "Správní výbor doporučuje sněmu zvýšit členský příspěvek na 2,50 Kč na obyvatele.");
    n++;
    ResolutionForm amendment =
        new ResolutionForm(
            march.id(),
            null,
            "GENERAL",
            "Změna plánu seminářů",
            "Správní výbor mění usnesení SV/2026/2: plán seminářů se doplňuje o seminář k novému"
                + " zákonu o odpadech (duben 2026).",
            march.startsAt().plusMinutes(55),
            4,
            0,
            0,
            null,
            "PUBLIC",
            seminars.id(),
            "AMENDS");
    Resolution amended = resolutions.record(amendment, DEMO);
    resolutions.publish(amended.id(), DEMO);
    resolutions.addTask(
        amended.id(),
        new TaskForm(
            "Uspořádat seminář k zákonu o odpadech",
            "výkonná ředitelka",
            LocalDate.of(2026, 4, 30),
            "IN_PROGRESS",
            "Termín 22. 4. 2026 potvrzen, přihlašování otevřeno."),
        DEMO);
    n++;
    return n;
  }

  private int assembly() {
    GoverningBody assembly =
        bodies.create(
            new BodyForm(
                "Sněm",
                "General Assembly",
                "ASSEMBLY",
                "Sněm/{year}/{n}",
                "MEMBER_MUNICIPALITIES",
                "HALF_OF_PRESENT",
                Map.of("STATUTES", "TWO_THIRDS_OF_PRESENT"),
                false),
            DEMO);
    List<MemberDirectory.Member> members =
        directory
            .search(null, null, List.of("ACTIVE"), MemberDirectory.Sort.POPULATION, 0, 500)
            .items();
    int delegates = (int) Math.ceil(members.size() * 0.6);
    LocalDate term = LocalDate.of(2022, 11, 1);
    Meeting meeting =
        meeting(assembly, 12, LocalDateTime.of(2026, 4, 23, 10, 0), "Plzeň, Měšťanská beseda");
    for (MemberDirectory.Member m : members.subList(0, delegates)) {
      if (m.code() == null || !m.code().matches("\\d{6}")) {
        continue;
      }
      Seat seat = seat(assembly, "Delegát obce " + m.name(), m.code(), "MEMBER", term);
      meetings.arrive(meeting.id(), seat.id(), meeting.startsAt(), null, DEMO);
    }
    int present = delegates;
    resolve(
        meeting,
        "BUDGET",
        "10:30",
        present - 3,
        1,
        2,
        "PUBLIC",
        "Rozpočet sdružení na rok 2026",
        "Sněm schvaluje rozpočet sdružení na rok 2026 s příjmy 4 850 000 Kč a výdaji 4 720 000 Kč.");
    Resolution dues =
        resolve(
            meeting,
            "DUES",
            "10:45",
            present - 5,
            3,
            2,
            "PUBLIC",
            "Výše členského příspěvku na rok 2026",
            "Sněm stanovuje členský příspěvek na rok 2026 ve výši 2,00 Kč na obyvatele obce, nejméně"
                + " 500 Kč a nejvýše 100 000 Kč.");
    resolutions.addTask(
        dues.id(),
        new TaskForm(
            "Rozeslat členským obcím výzvy k úhradě příspěvku",
            "kancelář sdružení",
            LocalDate.of(2026, 5, 31),
            "OPEN",
            null),
        DEMO);
    resolve(
        meeting,
        "ELECTION",
        "11:10",
        present - 4,
        0,
        4,
        "PUBLIC",
        "Volba předsedy sdružení",
        "Sněm volí předsedou sdružení Mgr. Rudolfa Salvetra na funkční období 2026–2030.");
    resolve(
        meeting,
        "NOTE",
        "11:30",
        present - 1,
        0,
        1,
        "PUBLIC",
        "Zpráva o činnosti za rok 2025",
        "Sněm bere na vědomí zprávu o činnosti sdružení za rok 2025 a zprávu revizní komise o"
            + " hospodaření.");
    return 4;
  }

  private Seat seat(GoverningBody body, String name, String code, String role, LocalDate from) {
    return bodies.addSeat(body.id(), new SeatForm(name, code, null, role, from, null), DEMO);
  }

  private Meeting meeting(GoverningBody body, int number, LocalDateTime at, String place) {
    return meetings.create(body.id(), new MeetingForm(number, at, place, null), DEMO);
  }

  private void present(Meeting meeting, List<Seat> seats, LocalDateTime from, LocalDateTime to) {
    for (Seat seat : seats) {
      meetings.arrive(meeting.id(), seat.id(), from, to, DEMO);
    }
  }

  /** Records and publishes a resolution voted at HH:mm of the meeting's day. */
  private Resolution resolve(
      Meeting meeting,
      String type,
      String time,
      int yes,
      int no,
      int abstained,
      String visibility,
      String title,
      String text) {
    LocalDateTime at = meeting.startsAt().toLocalDate().atTime(java.time.LocalTime.parse(time));
    Resolution r =
        resolutions.record(
            new ResolutionForm(
                meeting.id(),
                null,
                type,
                title,
                text,
                at,
                yes,
                no,
                abstained,
                null,
                visibility,
                null,
                null),
            DEMO);
    resolutions.publish(r.id(), DEMO);
    return r;
  }

  /** SMO ČR's Executive Board (předsednictvo) and one of its meetings. */
  @ApplicationScoped
  public static class Union implements DemoSeed {

    @Inject Bodies bodies;
    @Inject Meetings meetings;
    @Inject Resolutions resolutions;

    @Override
    public String tenant() {
      return "smocr";
    }

    @Override
    public int order() {
      return 30;
    }

    @Override
    public String seedIfEmpty() {
      if (!bodies.all().isEmpty()) {
        return "has bodies already";
      }
      GoverningBody board =
          bodies.create(
              new BodyForm(
                  "Předsednictvo",
                  "Executive Board",
                  "EXECUTIVE_COMMITTEE",
                  "P/{year}/{n}",
                  "MEMBERS",
                  "HALF_OF_PRESENT",
                  Map.of(),
                  false),
              DEMO);
      Meeting meeting =
          meetings.create(
              board.id(),
              new MeetingForm(87, LocalDateTime.of(2026, 2, 17, 10, 0), "Praha, Pacovská 31", null),
              DEMO);
      String[] names = {
        "Mgr. František Lukl, MPA",
        "Ing. Dana Kolářová",
        "Mgr. Pavel Drahovzal",
        "Ing. Eva Mlsová",
        "Bc. Jiří Krátký",
        "Ing. Marek Novotný",
        "PhDr. Alena Svobodová"
      };
      for (int i = 0; i < names.length; i++) {
        Seat seat =
            bodies.addSeat(
                board.id(),
                new SeatForm(
                    names[i],
                    null,
                    null,
                    i == 0 ? "CHAIR" : "MEMBER",
                    LocalDate.of(2023, 1, 1),
                    null),
                DEMO);
        if (i < 6) {
          meetings.arrive(meeting.id(), seat.id(), meeting.startsAt(), null, DEMO);
        }
      }
      String[][] decided = {
        {
          "GENERAL",
          "10:20",
          "Stanovisko k novele zákona o obcích",
          "Předsednictvo schvaluje stanovisko Svazu k novele zákona o obcích a pověřuje předsedu"
              + " jeho předložením v meziresortním připomínkovém řízení."
        },
        {
          "NOTE",
          "10:50",
          "Činnost v Radě evropských obcí a regionů",
          "Předsednictvo bere na vědomí informaci o činnosti zástupců Svazu v Radě evropských obcí"
              + " a regionů (CEMR) a ve Výboru regionů."
        },
        {
          "GENERAL",
          "11:20",
          "Projekt Přeshraniční spolupráce pro partnerství a prosperitu",
          "Předsednictvo schvaluje účast Svazu v projektu Přeshraniční spolupráce pro partnerství"
              + " a prosperitu se sdruženími ZMOS, TOOSZ a ZMP a uspořádání jeho závěrečné části"
              + " v České republice."
        }
      };
      for (String[] d : decided) {
        Resolution r =
            resolutions.record(
                new ResolutionForm(
                    meeting.id(),
                    null,
                    d[0],
                    d[2],
                    d[3],
                    meeting.startsAt().toLocalDate().atTime(java.time.LocalTime.parse(d[1])),
                    6,
                    0,
                    0,
                    null,
                    "PUBLIC",
                    null,
                    null),
                DEMO);
        resolutions.publish(r.id(), DEMO);
      }
      return decided.length + " resolutions";
    }
  }
}
