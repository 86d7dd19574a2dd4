using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;

namespace School.Infrastructure.Seeding;

/// <summary>
/// The demo timetables. Bridgemary: a two-week cycle; a standard day, an early window 07:30–13:00 for Year 10 with 50
/// places (40 taken, 16 staff on an early shift) and a late window; Year 10 taught in ability sets (Set 1 also takes
/// eight accelerating Year 9s); blocks of 20, 30, 60, 100 minutes and a flexible Friday on one subject; a week-long
/// themed project for Year 9 (which clashes with Set 1 Maths for the accelerating pupils — a clash to see); and an
/// off-site placement at an employer.
/// </summary>
public sealed partial class DemoDataSeeder
{
    public static IReadOnlyList<HalfTerm> HalfTerms2026 { get; } =
    [
        new("Autumn 1", TermName.Autumn, new(2026, 9, 3), new(2026, 10, 23)),
        new("Autumn 2", TermName.Autumn, new(2026, 11, 2), new(2026, 12, 18)),
        new("Spring 1", TermName.Spring, new(2027, 1, 5), new(2027, 2, 12)),
        new("Spring 2", TermName.Spring, new(2027, 2, 22), new(2027, 3, 26)),
        new("Summer 1", TermName.Summer, new(2027, 4, 12), new(2027, 5, 28)),
        new("Summer 2", TermName.Summer, new(2027, 6, 7), new(2027, 7, 21)),
    ];

    public static IReadOnlyList<Closure> Closures2026 { get; } =
    [
        new("INSET day", new(2026, 11, 27), new(2026, 11, 27)),
        new("Early May bank holiday", new(2027, 5, 3), new(2027, 5, 3)),
    ];

    private static readonly DateTimeOffset SeededAt = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private void SeedTimetables()
    {
        SeedBridgemaryTimetable();
        SeedCramlingtonTimetable();
    }

    private void SeedBridgemaryTimetable()
    {
        var school = DemoData.BridgemaryId;
        db.AcademicYears.Add(AcademicYear.Create(DemoData.BridgemaryYearId, school, "2026/27", 2, HalfTerms2026, Closures2026));

        var students = _students[school];
        var year10 = students.Where(s => s.YearGroup == 10).OrderBy(s => s.PupilNumber, StringComparer.Ordinal).ToList();
        var standardY10 = year10.Take(160).ToList();
        var earlyCohort = year10.Skip(160).ToList();
        var year9 = students.Where(s => s.YearGroup == 9).OrderBy(s => s.PupilNumber, StringComparer.Ordinal).ToList();
        var year11 = students.Where(s => s.YearGroup == 11).OrderBy(s => s.PupilNumber, StringComparer.Ordinal).ToList();

        db.DayWindows.Add(DayWindow.Create(DemoData.BridgemaryStandardWindowId, school, "Standard day", new(8, 30), new(15, 30), null, [], false, isDefault: true));
        var early = DayWindow.Create(DemoData.BridgemaryEarlyWindowId, school, "Early window", new(7, 30), new(13, 0), 50, [10], autoApprove: false);
        foreach (var student in earlyCohort)
        {
            early.Enrol(student, approve: true, SeededAt);
        }

        db.DayWindows.Add(early);
        db.DayWindows.Add(DayWindow.Create(DemoData.BridgemaryLateWindowId, school, "Late window", new(13, 0), new(18, 30), 40, [10, 11], autoApprove: true));

        var rooms = Enumerable.Range(1, 5).Select(i => AddRoom(school, $"Room 10.{i}", 35, SettingKind.OnSite)).ToList();
        var earlyRoom = AddRoom(school, "Room E1", 45, SettingKind.OnSite);
        var hall = AddRoom(school, "Learning Hall", 200, SettingKind.OnSite);
        var employer = AddRoom(school, "Gosport Business Park", 10, SettingKind.Employer, "Fareham Road, Gosport PO13");

        var staff = _staff[school];
        var teachers = staff.Where(s => s.Roles == (StaffRoles.Teacher | StaffRoles.PersonalTutor | StaffRoles.Mentor)).ToList();
        var tutor = staff.Single(s => s.Id == DemoData.BridgemaryTutorId);
        var demoTeacher = staff.Single(s => s.Id == DemoData.BridgemaryTeacherId);

        // Year 10 in ability sets; Set 1 also takes eight Year 9s who are accelerating (groups by ability, not age).
        var sets = new List<TeachingGroup>();
        for (var k = 1; k <= 5; k++)
        {
            var members = k == 1 ? standardY10.Take(24).Concat(year9.Take(8)).ToList() : standardY10.Skip(24 + ((k - 2) * 34)).Take(34).ToList();
            sets.Add(AddGroup(
                k == 1 ? DemoData.BridgemaryMathsSet1Id : DemoData.IdFor($"bridgemary:group:set-{k}"), school, $"Y10 Set {k}",
                GroupKind.AbilitySet, null, $"Set {k}", members));
        }

        var subjects = new[] { "Maths", "English", "Science", "Humanities", "Art" };
        StaffMember TeacherOf(string subject, int set) =>
            subject == "Maths" && set == 1 ? demoTeacher : teachers[(Array.IndexOf(subjects, subject) * 5) + (set - 1)];

        for (var k = 1; k <= 5; k++)
        {
            var set = sets[k - 1];
            var room = rooms[k - 1];
            var setTutor = k == 1 ? tutor : teachers[24 + k];
            void Weekly(string title, string subject, BlockKind kind, DayOfWeek day, int h, int m, int minutes, int? week = null, StaffMember? who = null) =>
                AddBlock(school, $"Y10 Set {k} {title}", subject, kind, set.Id, [], [(who ?? TeacherOf(subject, k)).Id], room.Id, week, day, null, null, new(h, m), minutes);

            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday })
            {
                Weekly("Tutorial", "Tutorial", BlockKind.Tutorial, day, 8, 30, 20, who: setTutor);
            }

            Weekly("Maths", "Maths", BlockKind.Lesson, DayOfWeek.Monday, 9, 0, 60);
            Weekly("English", "English", BlockKind.Lesson, DayOfWeek.Monday, 10, 15, 60);
            Weekly("Science extended session", "Science", BlockKind.ExtendedSession, DayOfWeek.Monday, 11, 30, 100);
            Weekly("Humanities", "Humanities", BlockKind.Lesson, DayOfWeek.Monday, 13, 45, 60);
            Weekly("English", "English", BlockKind.Lesson, DayOfWeek.Tuesday, 9, 0, 60);
            Weekly("Maths intensive", "Maths", BlockKind.Intensive, DayOfWeek.Tuesday, 10, 15, 30);
            Weekly("Art studio", "Art", BlockKind.ExtendedSession, DayOfWeek.Tuesday, 11, 0, 100);
            Weekly("Science", "Science", BlockKind.Lesson, DayOfWeek.Tuesday, 13, 45, 60);
            Weekly("Science", "Science", BlockKind.Lesson, DayOfWeek.Wednesday, 9, 0, 60);
            Weekly("Humanities extended session", "Humanities", BlockKind.ExtendedSession, DayOfWeek.Wednesday, 10, 15, 100);
            Weekly("Maths", "Maths", BlockKind.Lesson, DayOfWeek.Wednesday, 13, 45, 60);
            Weekly("Maths", "Maths", BlockKind.Lesson, DayOfWeek.Thursday, 9, 0, 60);
            Weekly("English intensive", "English", BlockKind.Intensive, DayOfWeek.Thursday, 10, 15, 30);
            Weekly("Science", "Science", BlockKind.Lesson, DayOfWeek.Thursday, 11, 0, 60);
            Weekly("English", "English", BlockKind.Lesson, DayOfWeek.Thursday, 13, 45, 60);
            // Flexible Friday: the whole day on one subject (science in week A, humanities in week B).
            Weekly("Flexible Friday: science", "Science", BlockKind.FlexibleDay, DayOfWeek.Friday, 8, 30, 420, week: 1);
            Weekly("Flexible Friday: humanities", "Humanities", BlockKind.FlexibleDay, DayOfWeek.Friday, 8, 30, 420, week: 2);
        }

        // The early window: its cohort is taught 07:30–12:45 by sixteen staff on an early shift.
        var busy = teachers.Take(35).Select(t => t.Id).Append(demoTeacher.Id).ToHashSet();
        var earlyStaff = staff
            .Where(s => (s.HasRole(StaffRoles.Teacher) || s.HasRole(StaffRoles.TeachingAssistant)) && !busy.Contains(s.Id))
            .Take(16).ToList();
        foreach (var member in earlyStaff)
        {
            foreach (var week in new[] { 1, 2 })
            {
                foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
                {
                    db.StaffShifts.Add(StaffShift.Create(DemoData.IdFor($"shift:{member.Id}:{week}:{day}"), school, member.Id, week, day, new(7, 15), new(13, 15)));
                }
            }
        }

        var earlyGroup = AddGroup(DemoData.IdFor("bridgemary:group:early-y10"), school, "Early window Y10", GroupKind.Class, null, null, earlyCohort);
        var earlyDays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        for (var d = 0; d < earlyDays.Length; d++)
        {
            var slots = new (string Subject, int H, int M, int Minutes, BlockKind Kind)[]
            {
                ("Maths", 7, 30, 60, BlockKind.Lesson), ("English", 8, 40, 60, BlockKind.Lesson),
                ("Science", 9, 50, 100, BlockKind.ExtendedSession), ("Humanities", 11, 45, 60, BlockKind.Lesson),
            };
            for (var i = 0; i < slots.Length; i++)
            {
                var (subject, h, m, minutes, kind) = slots[i];
                AddBlock(school, $"Early window {subject}", subject, kind, earlyGroup.Id, [], [earlyStaff[((d * 4) + i) % earlyStaff.Count].Id],
                    earlyRoom.Id, null, earlyDays[d], null, null, new(h, m), minutes);
            }
        }

        // A week-long themed project for Year 9 in the Learning Hall.
        var year9Cohort = AddGroup(DemoData.BridgemaryYear9CohortId, school, "Year 9 cohort", GroupKind.Project, null, null, year9);
        AddBlock(school, "Enterprise Week: start a business", "Enterprise", BlockKind.ThemedProject, year9Cohort.Id, [],
            teachers.Skip(30).Take(4).Select(t => t.Id).ToList(), hall.Id, null, null, new(2026, 11, 9), new(2026, 11, 13), new(9, 0), 360,
            id: DemoData.BridgemaryThemedProjectId);

        // Learning off site: five Year 11s spend Thursdays on a placement with an employer.
        AddBlock(school, "Work placement: Gosport Business Park", "Business", BlockKind.OffSitePlacement, null,
            year11.Take(5).Select(s => s.Id).ToList(), [teachers[34].Id], employer.Id, null, DayOfWeek.Thursday, null, null, new(9, 0), 360,
            id: DemoData.BridgemaryPlacementId);
    }

    private void SeedCramlingtonTimetable()
    {
        var school = DemoData.CramlingtonId;
        db.AcademicYears.Add(AcademicYear.Create(DemoData.IdFor("cramlington:year:2026"), school, "2026/27", 2, HalfTerms2026, Closures2026));
        db.DayWindows.Add(DayWindow.Create(DemoData.IdFor("cramlington:window:standard"), school, "Standard day", new(8, 40), new(15, 20), null, [], false, isDefault: true));

        var year9 = _students[school].Where(s => s.YearGroup == 9).OrderBy(s => s.PupilNumber, StringComparer.Ordinal).Take(30).ToList();
        var teachers = _staff[school].Where(s => s.HasRole(StaffRoles.Teacher)).ToList();
        var room = AddRoom(school, "Learning Plaza 1", 32, SettingKind.OnSite);
        var group = AddGroup(DemoData.IdFor("cramlington:group:9-maths"), school, "Y9 Maths Stage 6", GroupKind.AbilitySet, "Maths", "Stage 6", year9);
        AddBlock(school, "Maths", "Maths", BlockKind.Lesson, group.Id, [], [teachers[0].Id], room.Id, null, DayOfWeek.Monday, null, null, new(9, 0), 60);
        AddBlock(school, "Science investigation", "Science", BlockKind.ExtendedSession, group.Id, [], [teachers[1].Id], room.Id, null, DayOfWeek.Wednesday, null, null, new(13, 0), 100);
    }

    private Room AddRoom(Guid school, string name, int capacity, SettingKind setting, string? address = null)
    {
        var room = Room.Create(DemoData.IdFor($"room:{school}:{name}"), school, name, capacity, setting, address);
        db.Rooms.Add(room);
        return room;
    }

    private TeachingGroup AddGroup(Guid id, Guid school, string name, GroupKind kind, string? subject, string? level, IReadOnlyCollection<Student> members)
    {
        var group = TeachingGroup.Create(id, school, name, kind, subject, level);
        group.SetMembers(members);
        db.TeachingGroups.Add(group);
        return group;
    }

    private void AddBlock(
        Guid school, string title, string subject, BlockKind kind, Guid? groupId, IReadOnlyList<Guid> students, IReadOnlyList<Guid> staff, Guid roomId,
        int? week, DayOfWeek? day, DateOnly? from, DateOnly? to, TimeOnly start, int minutes, Guid? id = null)
    {
        var key = $"block:{school}:{title}:{week}:{day}:{from}:{start}";
        db.LearningBlocks.Add(LearningBlock.Create(
            id ?? DemoData.IdFor(key), school,
            new BlockDetails(title, subject, kind, groupId, students, staff, roomId, week, day, from, to, start, minutes)));
    }
}
