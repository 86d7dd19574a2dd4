using School.Application.Secure.Allocation;
using School.Domain.Secure;
using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;

namespace School.Infrastructure.Seeding;

/// <summary>
/// Demo SECURE sessions at Bridgemary. The timetable has two SECURE slots a week for the standard-day Year 10s, Monday
/// and Wednesday 14:50–15:30 (blocks of kind SecurePeriod), so four a fortnight. The cycle "Year 10 SECURE, 14–25
/// September" puts its four periods on those slots, each offering six subjects (the demo teacher teaches maths in the
/// first); every standard-day Year 10 has ranked three (subject, mode) choices for every period (the early-window cohort
/// is not timetabled after 13:00, so it is not in this cycle's periods); the demo teacher has asked for two pupils for
/// catch-up in maths; and the first period (Monday 14 September) is allocated, exactly as the API would.
/// </summary>
public sealed partial class DemoDataSeeder
{
    public static readonly Guid SecureCycleId = DemoData.IdFor("bridgemary:secure:2026-09-14");

    /// <summary>The Monday the demo SECURE fortnight starts on.</summary>
    public static readonly DateOnly SecureFortnightStart = new(2026, 9, 14);

    private static readonly (string Subject, int Capacity, int Popularity)[] SecureSubjects =
    [
        ("Maths", 32, 5), ("English", 30, 4), ("Science", 30, 4), ("Humanities", 26, 3), ("Art", 20, 2), ("Languages", 24, 2),
    ];

    private static readonly string[] SecureRooms = ["Room 10.1", "Room 10.2", "Room 10.3", "Room 10.4", "Room 10.5", "Room E1"];

    private void SeedSecure()
    {
        // Its own random sequence, so the SECURE demo stays the same whatever other demo data is seeded before it.
        var random = new Random(20260914);
        var school = DemoData.BridgemaryId;
        var early = db.DayWindows.Local.Single(w => w.Id == DemoData.BridgemaryEarlyWindowId).Enrolments.Select(e => e.StudentId).ToHashSet();
        var pupils = _students[school].Where(s => s.YearGroup == 10 && !early.Contains(s.Id)).OrderBy(s => s.Id).ToList();

        var monday = AddSecureBlock("bridgemary:block:secure-monday", DayOfWeek.Monday, pupils);
        var wednesday = AddSecureBlock("bridgemary:block:secure-wednesday", DayOfWeek.Wednesday, pupils);

        var teachers = _staff[school].Where(s => s.Roles == (StaffRoles.Teacher | StaffRoles.PersonalTutor | StaffRoles.Mentor)).ToList();
        var rooms = SecureRooms.Select(name => db.Rooms.Local.Single(r => r.SchoolId == school && r.Name == name)).ToList();
        var dates = new[] { (monday, 0), (wednesday, 2), (monday, 7), (wednesday, 9) };
        var periods = dates.Select((d, k) => new SecurePeriodDetails(
            $"SECURE {k + 1}", d.Item1.Id, SecureFortnightStart.AddDays(d.Item2), d.Item1.Start, d.Item1.DurationMinutes,
            SecureSubjects.Select((s, j) => new SecureOfferDetails(
                s.Subject,
                k == 0 && j == 0 ? DemoData.BridgemaryTeacherId : teachers[((k * SecureSubjects.Length) + j) % teachers.Count].Id,
                rooms[(j + k) % rooms.Count].Id,
                s.Capacity)).ToList())).ToList();
        var ids = 0;
        var year = db.AcademicYears.Local.Single(y => y.Id == DemoData.BridgemaryYearId);
        var cycle = SecureCycle.Create(
            SecureCycleId, school, "Year 10 SECURE, 14–25 September", SecureFortnightStart, [10], periods, year,
            () => DemoData.IdFor($"bridgemary:secure:2026-09-14:{ids++}")).Value;
        db.SecureCycles.Add(cycle);

        var today = DateOnly.FromDateTime(SeededAt.UtcDateTime);
        var choicesOf = cycle.Periods.ToDictionary(p => p.Id, _ => new Dictionary<Guid, IReadOnlyList<SecureChoiceItem>>());
        foreach (var pupil in pupils)
        {
            foreach (var period in cycle.Periods)
            {
                var ranked = pupil.Id == DemoData.BridgemaryStudentId
                    ? AlexsChoices(period)
                    : RandomChoices(random, period);
                var choice = SecureChoice.Make(
                    DemoData.IdFor($"secure-choice:{period.Id}:{pupil.Id}"), cycle, period, pupil.Id, ranked, pupil.Id, SeededAt, today).Value;
                db.SecureChoices.Add(choice);
                choicesOf[period.Id][pupil.Id] = choice.Choices;
            }
        }

        // The demo teacher asks for two of their Set 1 pupils for catch-up in maths in the first period.
        var first = cycle.Periods[0];
        var maths = first.Offers[0];
        var set1 = db.TeachingGroups.Local.Single(g => g.Id == DemoData.BridgemaryMathsSet1Id).StudentIds;
        var asked = pupils.Where(p => set1.Contains(p.Id) && p.Id != DemoData.BridgemaryStudentId).OrderBy(p => p.PupilNumber, StringComparer.Ordinal).Take(2).ToList();
        var requests = asked.Select((p, i) => SecureRequest.Make(
            DemoData.IdFor($"secure-request:{first.Id}:{p.Id}"), cycle, first, p.Id, maths.Id, SecureMode.CatchUp,
            "Missed the algebra unit while ill: a catch-up session in maths.", DemoData.BridgemaryTeacherId, i, SeededAt.AddMinutes(i), today).Value).ToList();
        db.SecureRequests.AddRange(requests);

        // Allocate the first period as the API does.
        var plan = SecurePeriodAllocator.Plan(
            first.Offers.Select(o => new SecureSlot(o.Id, o.Capacity)).ToList(),
            SecurePeriodAllocator.Candidates(pupils.Select(p => p.Id).ToList(), choicesOf[first.Id], requests));
        foreach (var line in plan.Students.Where(l => l.OfferId is not null))
        {
            db.SecurePlacements.Add(SecurePlacement.Place(
                DemoData.IdFor($"secure-placement:{first.Id}:{line.StudentId}"), cycle, first, line.StudentId, line.OfferId!.Value, line.Mode,
                line.Source!.Value, line.Rank, line.Reason, SeededAt));
        }

        cycle.Allocate(first.Id, SeededAt, attendanceRecorded: false);
    }

    private LearningBlock AddSecureBlock(string key, DayOfWeek day, IReadOnlyList<Student> pupils)
    {
        var block = LearningBlock.Create(DemoData.IdFor(key), DemoData.BridgemaryId, new BlockDetails(
            "Y10 SECURE", null, BlockKind.SecurePeriod, null, pupils.Select(p => p.Id).ToList(), [], null, null, day, null, null, new(14, 50), 40));
        db.LearningBlocks.Add(block);
        return block;
    }

    /// <summary>Alex wants stretch in maths first, then to consolidate science, then English reinforced; in later periods other mixes.</summary>
    private static List<SecureChoiceItem> AlexsChoices(SecurePeriod period)
    {
        var offer = (string subject) => period.Offers.Single(o => o.Subject == subject).Id;
        return period.Sequence switch
        {
            1 => [new(offer("Maths"), SecureMode.Stretch), new(offer("Science"), SecureMode.Consolidate), new(offer("English"), SecureMode.Reinforce)],
            2 => [new(offer("English"), SecureMode.CatchUp), new(offer("Art"), SecureMode.Stretch), new(offer("Humanities"), SecureMode.Consolidate)],
            3 => [new(offer("Science"), SecureMode.Stretch), new(offer("Maths"), SecureMode.Consolidate), new(offer("Languages"), SecureMode.Reinforce)],
            _ => [new(offer("Humanities"), SecureMode.Reinforce), new(offer("Maths"), SecureMode.Stretch), new(offer("Art"), SecureMode.Consolidate)],
        };
    }

    /// <summary>Three different offers drawn by popularity (maths most, art and languages least), each with a random mode.</summary>
    private static List<SecureChoiceItem> RandomChoices(Random random, SecurePeriod period)
    {
        var left = period.Offers.Select((o, j) => (Offer: o, Weight: SecureSubjects[j].Popularity)).ToList();
        var ranked = new List<SecureChoiceItem>();
        while (ranked.Count < SecurePeriod.MaxChoices)
        {
            var pick = random.Next(left.Sum(x => x.Weight));
            var index = 0;
            while (pick >= left[index].Weight)
            {
                pick -= left[index].Weight;
                index++;
            }

            ranked.Add(new SecureChoiceItem(left[index].Offer.Id, (SecureMode)random.Next(4)));
            left.RemoveAt(index);
        }

        return ranked;
    }
}
