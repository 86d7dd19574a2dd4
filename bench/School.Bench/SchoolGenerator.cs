using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;

namespace School.Bench;

/// <summary>A generated school: the snapshot clash detection reads, plus what the generator knows about it.</summary>
internal sealed record GeneratedSchool(
    TimetableSnapshot Snapshot,
    IReadOnlyList<Student> Students,
    IReadOnlyList<Student> PartnerStudents,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<TeachingGroup> Groups,
    IReadOnlyList<BlockSpec> Specs,
    IReadOnlyDictionary<ClashKind, int> SeededClashes,
    int TeachingUnits,
    int SplitTeachingUnits);

/// <summary>
/// Builds a realistic 2,300-pupil secondary school (Years 7–11, 460 a year) on a two-week cycle, deterministically
/// from a seed: ability sets in the core subjects (Maths set vertically across Years 7 and 8), classes for the
/// foundation subjects, GCSE option blocks, vertical tutor groups, an early window for 45 Year 10s taught by sixteen
/// staff on an early shift, a flexible Friday for Year 8, an off-site college day and work placement for Year 11, a
/// week-long joint themed project, and six deliberate clashes. Every shape is fixed by the seed; ids are fresh
/// version-7 GUIDs on each run (as the application creates them).
/// </summary>
internal sealed class SchoolGenerator
{
    public const int DefaultSeed = 20260901;
    public const int PupilsPerYear = 460;
    public const int EarlyCohortSize = 45;
    public const int TutorGroupCount = 80;
    private const int PeSpaces = 6;
    private const int CycleDays = 10;

    /// <summary>The standard day: tutor time 08:30–08:50, then six periods (two pairs of 50 minutes in the morning, two 60-minute afternoon periods).</summary>
    private static readonly (int Start, int End)[] Periods =
        [(510, 530), (530, 580), (580, 630), (650, 700), (700, 750), (800, 860), (860, 920)];

    /// <summary>The early window's day: tutor time 07:30–07:45, then four sessions ending 12:50.</summary>
    private static readonly (int Start, int End)[] EarlySessions =
        [(450, 465), (465, 525), (525, 585), (600, 700), (710, 770)];

    private static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly HalfTerm[] HalfTerms =
    [
        new("Autumn 1", TermName.Autumn, new(2026, 9, 3), new(2026, 10, 23)),
        new("Autumn 2", TermName.Autumn, new(2026, 11, 2), new(2026, 12, 18)),
        new("Spring 1", TermName.Spring, new(2027, 1, 5), new(2027, 2, 12)),
        new("Spring 2", TermName.Spring, new(2027, 2, 22), new(2027, 3, 26)),
        new("Summer 1", TermName.Summer, new(2027, 4, 12), new(2027, 5, 28)),
        new("Summer 2", TermName.Summer, new(2027, 6, 7), new(2027, 7, 21)),
    ];

    private static readonly Closure[] Closures =
    [
        new("INSET day", new(2026, 11, 27), new(2026, 11, 27)),
        new("Early May bank holiday", new(2027, 5, 3), new(2027, 5, 3)),
        new("Spring bank holiday INSET", new(2027, 6, 7), new(2027, 6, 7)),
    ];

    private static readonly string[] GivenNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Aisha", "Zara", "Priya",
        "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Jack", "Theo", "Jacob", "Kai", "Tomasz",
    ];

    private static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson",
        "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Khan", "Patel", "Ali", "Begum", "Nowak", "Okafor", "Murphy", "Clarke",
    ];

    private static readonly string[] Houses = ["Austen", "Brunel", "Curie", "Darwin", "Eliot", "Franklin", "Goodall", "Hawking"];

    private static readonly int[] BothWeeks = [1, 2];

    private static readonly string[] FlexSubjects = ["Science", "Humanities", "Art", "D&T"];

    private readonly Random _random;
    private readonly Guid _schoolId = Guid.CreateVersion7();
    private readonly Occupancy _occupancy = new();
    private readonly List<Student> _students = [];
    private readonly Dictionary<Guid, (double Maths, double English, double Science)> _ability = [];
    private readonly List<StaffMember> _staff = [];
    private readonly Dictionary<Guid, string> _departmentOf = [];
    private readonly List<StaffMember> _teachers = [];
    private readonly List<StaffMember> _earlyStaff = [];
    private readonly List<StaffMember> _assistants = [];
    private readonly List<StaffMember> _pastoralLeads = [];
    private readonly List<Room> _rooms = [];
    private readonly Dictionary<string, List<Room>> _roomPools = [];
    private readonly List<TeachingGroup> _groups = [];
    private readonly Dictionary<Guid, List<Student>> _members = [];
    private readonly List<BlockSpec> _specs = [];
    private readonly int[][] _peInUse = NewGrid<int>();
    private int _teachingUnits;
    private int _splitUnits;

    private SchoolGenerator(int seed) => _random = new Random(seed);

    public static GeneratedSchool Generate(int seed = DefaultSeed) => new SchoolGenerator(seed).Build();

    private GeneratedSchool Build()
    {
        var year = AcademicYear.Create(Guid.CreateVersion7(), _schoolId, "2026/27", 2, HalfTerms, Closures);
        for (var y = 7; y <= 11; y++)
        {
            CreateStudents(y);
        }

        var byYear = Enumerable.Range(7, 5).ToDictionary(y => y, y => _students.Where(s => s.YearGroup == y).ToList());

        // Day windows: everyone is in the standard day unless approved into another window.
        var standard = DayWindow.Create(Guid.CreateVersion7(), _schoolId, "Standard day", new(8, 30), new(15, 30), null, [], false, isDefault: true);
        var early = DayWindow.Create(Guid.CreateVersion7(), _schoolId, "Early window", new(7, 30), new(13, 0), 50, [10], autoApprove: false);
        var late = DayWindow.Create(Guid.CreateVersion7(), _schoolId, "Late window", new(13, 0), new(18, 30), 40, [10, 11], autoApprove: false);
        var earlyCohort = Shuffled(byYear[10]).Take(EarlyCohortSize).OrderBy(s => s.PupilNumber, StringComparer.Ordinal).ToList();
        foreach (var student in earlyCohort)
        {
            Require(early.Enrol(student, approve: true, Now).IsSuccess, "early enrolment");
        }

        // The late window opens next term: eight Year 11 requests wait for approval and hold no place yet.
        foreach (var student in Shuffled(byYear[11]).Take(8))
        {
            Require(late.Enrol(student, approve: false, Now).IsSuccess, "late request");
        }

        var standardY10 = byYear[10].Except(earlyCohort).ToList();
        CreateStaff();
        CreateRooms();

        var grids = Enumerable.Range(7, 5).ToDictionary(y => y, _ => NewGrid<string?>());
        var columns = new Dictionary<string, List<(TeachingGroup Group, string Subject)>>();

        // Core subjects in ability sets. Maths in Years 7 and 8 is set across both years: 32 sets by attainment, so a
        // strong Year 7 sits with Year 8s and the reverse. Every set of a column meets at the same time.
        columns["Y7/8 Maths"] = Sets("Y7/8", "Maths", [.. byYear[7], .. byYear[8]], 32, s => _ability[s.Id].Maths + (s.YearGroup == 8 ? 0.4 : 0));
        foreach (var y in new[] { 7, 8, 9, 10, 11 })
        {
            var pupils = y == 10 ? standardY10 : byYear[y];
            var sets = y == 10 ? 15 : 16;
            if (y >= 9)
            {
                columns[$"Y{y} Maths"] = Sets($"Y{y}", "Maths", pupils, sets, s => _ability[s.Id].Maths);
            }

            columns[$"Y{y} English"] = Sets($"Y{y}", "English", pupils, sets, s => _ability[s.Id].English);
            columns[$"Y{y} Science"] = Sets($"Y{y}", "Science", pupils, sets, s => _ability[s.Id].Science);
        }

        // GCSE options for Years 10 and 11: four blocks; each pupil takes one group in each.
        var offSiteGroups = new List<TeachingGroup>();
        foreach (var y in new[] { 10, 11 })
        {
            var pupils = y == 10 ? standardY10 : byYear[y];
            foreach (var (letter, subjects) in OptionBlocks(y))
            {
                var key = $"Y{y} Option {letter}";
                var list = new List<(TeachingGroup, string)>();
                var pool = Shuffled(pupils);
                if (y == 11 && letter == 'D')
                {
                    var college = AddGroup("Y11 Option D: Engineering at Fareham College", GroupKind.Class, "Engineering", null, pool.Take(24).ToList());
                    var placement = AddGroup("Y11 Option D: Work placement", GroupKind.Class, "Work placement", null, pool.Skip(24).Take(10).ToList());
                    offSiteGroups.AddRange([college, placement]);
                    list.Add((college, "Engineering"));
                    list.Add((placement, "Work placement"));
                    pool = pool.Skip(34).ToList();
                }

                var dealt = Deal(pool, subjects.Length);
                for (var i = 0; i < subjects.Length; i++)
                {
                    list.Add((AddGroup($"{key}{i + 1}: {subjects[i]}", GroupKind.Class, subjects[i], null, dealt[i]), subjects[i]));
                }

                columns[key] = list;
            }
        }

        // Classes (forms) for the foundation subjects, PE, RE and PSHE.
        var classes = new Dictionary<int, List<TeachingGroup>>();
        foreach (var y in new[] { 7, 8, 9, 10, 11 })
        {
            var pupils = y == 10 ? standardY10 : byYear[y];
            var count = y == 10 ? 15 : 16;
            var dealt = Deal(Shuffled(pupils), count);
            classes[y] = Enumerable.Range(0, count).Select(i => AddGroup($"{y}{(char)('A' + i)}", GroupKind.Class, null, null, dealt[i])).ToList();
        }

        // Lay the columns and each class's subjects on the fortnight's grid.
        for (var p = 1; p <= 6; p++)
        {
            grids[8][9][p] = "Flex"; // Year 8's flexible Friday, week B
        }

        foreach (var p in new[] { 1, 2, 3, 4, 5 })
        {
            grids[11][7][p] = "Y11 Option D"; // Year 11's off-site day: Wednesday, week B
        }

        PlaceColumn([grids[7], grids[8]], "Y7/8 Maths", 2, 5, reservePairs: 10);
        foreach (var y in new[] { 7, 8, 9 })
        {
            if (y == 9)
            {
                PlaceColumn([grids[y]], $"Y{y} Maths", 2, 5, reservePairs: 10);
            }

            PlaceColumn([grids[y]], $"Y{y} English", 2, 5, reservePairs: 10);
            PlaceColumn([grids[y]], $"Y{y} Science", 2, 5, reservePairs: 10);
        }

        foreach (var y in new[] { 10, 11 })
        {
            PlaceColumn([grids[y]], $"Y{y} Science", 3, 6, reservePairs: 4);
            PlaceColumn([grids[y]], $"Y{y} Maths", 2, 5, reservePairs: 4);
            PlaceColumn([grids[y]], $"Y{y} English", 2, 5, reservePairs: 4);
            foreach (var letter in y == 11 ? "ABC" : "ABCD")
            {
                PlaceColumn([grids[y]], $"Y{y} Option {letter}", 1, 3, reservePairs: 4);
            }
        }

        // Classes of the years with the fewest free double periods go first, so each finds a PE space.
        var classCells = new Dictionary<TeachingGroup, string?[][]>();
        foreach (var y in new[] { 11, 10, 8, 7, 9 })
        {
            foreach (var cls in classes[y])
            {
                classCells[cls] = PlaceClass(grids[y], ClassPlan(y));
            }
        }

        foreach (var y in new[] { 7, 8, 9, 10, 11 })
        {
            foreach (var cls in classes[y])
            {
                AddClassBlocks(y, cls, classCells[cls]);
            }

            AddColumnBlocks(y, grids[y], columns, offSiteGroups);
        }

        // Year 8's flexible Friday: each class spends week B's Friday 08:50–14:50 on one subject with two staff.
        for (var i = 0; i < classes[8].Count; i++)
        {
            var cls = classes[8][i];
            var subject = FlexSubjects[i % FlexSubjects.Length];
            _specs.Add(Repeating($"{cls.Name} Flexible Friday: {subject}", subject, BlockKind.FlexibleDay, BlockSource.FlexibleFriday, 8, cls,
                2, DayOfWeek.Friday, 530, 360, unitKey: $"{cls.Name}|Flex"));
        }

        AssignTeachers();
        AddTutorGroups(byYear, earlyCohort);
        AddEarlyWindow(earlyCohort);
        AssignRooms();
        var shifts = EarlyShifts();
        var (partners, project) = ThemedProject(year);
        _specs.Add(project);
        var seeded = SeedClashes(earlyCohort, byYear[9]);

        var blocks = _specs.Select(s => s.ToBlock(_schoolId)).ToList();
        var snapshot = new TimetableSnapshot(
            year,
            blocks,
            _groups.ToDictionary(g => g.Id, g => g.StudentIds),
            _rooms.ToDictionary(r => r.Id),
            [standard, early, late],
            shifts);
        return new GeneratedSchool(snapshot, _students, partners, _staff, _groups, _specs, seeded, _teachingUnits, _splitUnits);
    }

    // ---------------------------------------------------------------- people, rooms, groups

    private void CreateStudents(int yearGroup)
    {
        for (var i = 1; i <= PupilsPerYear; i++)
        {
            var born = new DateOnly(2014 - (yearGroup - 7), 9, 1).AddDays(_random.Next(365));
            var student = Student.Create(
                Guid.CreateVersion7(), _schoolId, $"B{yearGroup:00}{i:0000}",
                GivenNames[_random.Next(GivenNames.Length)], FamilyNames[_random.Next(FamilyNames.Length)], born, yearGroup);
            _students.Add(student);

            // A general attainment plus a subject spread, so sets in different subjects hold different pupils.
            var general = Gaussian();
            _ability[student.Id] = (general + (0.6 * Gaussian()), general + (0.6 * Gaussian()), general + (0.6 * Gaussian()));
        }
    }

    private void CreateStaff()
    {
        // 108 teachers on the standard day, by department in proportion to the teaching each department does.
        (string Department, int Count)[] departments =
        [
            ("English", 15), ("Maths", 15), ("Science", 18), ("History", 6), ("Geography", 6), ("Languages", 8), ("Computing", 6),
            ("Art", 5), ("Music", 3), ("Drama", 3), ("D&T", 6), ("PE", 8), ("RE", 4), ("Business", 5),
        ];
        foreach (var (department, count) in departments)
        {
            for (var i = 0; i < count; i++)
            {
                var member = AddStaff(StaffRoles.Teacher | StaffRoles.PersonalTutor | StaffRoles.Mentor);
                _teachers.Add(member);
                _departmentOf[member.Id] = department;
            }
        }

        // Sixteen teachers on the early shift (07:15–13:15) teach the early window.
        string[] early = ["Maths", "Maths", "Maths", "English", "English", "English", "Science", "Science", "Science", "Geography", "Business",
            "PE", "Computing", "Art", "RE", "Enterprise"];
        foreach (var department in early)
        {
            var member = AddStaff(StaffRoles.Teacher | StaffRoles.Mentor);
            _earlyStaff.Add(member);
            _departmentOf[member.Id] = department;
        }

        for (var i = 0; i < 10; i++)
        {
            _assistants.Add(AddStaff(StaffRoles.TeachingAssistant));
        }

        for (var i = 0; i < 4; i++)
        {
            _pastoralLeads.Add(AddStaff(StaffRoles.PastoralLead | StaffRoles.Mentor));
        }

        AddStaff(StaffRoles.SchoolAdmin);
        AddStaff(StaffRoles.SchoolAdmin | StaffRoles.Mentor);
    }

    private StaffMember AddStaff(StaffRoles roles)
    {
        var member = StaffMember.Create(
            Guid.CreateVersion7(), _schoolId, GivenNames[_random.Next(GivenNames.Length)], FamilyNames[_random.Next(FamilyNames.Length)], roles,
            _random.Next(3) switch { 0 => "Ms", 1 => "Mr", _ => "Dr" });
        _staff.Add(member);
        return member;
    }

    private void CreateRooms()
    {
        AddRoom("Off-site", "Fareham College, Engineering Centre", 40, SettingKind.College, "Bishopsfield Road, Fareham PO14 1NH");
        AddRoom("Off-site", "Solent Business Park", 12, SettingKind.Employer, "Whiteley, Fareham PO15 7AD");
        AddRoom("Main hall", "Main Hall", 240, SettingKind.OnSite);
        foreach (var (name, capacity) in new[] { ("Sports Hall", 120), ("Gymnasium", 60), ("Playing Field", 90), ("MUGA", 60), ("Dance Studio", 30), ("Fitness Suite", 30) })
        {
            AddRoom("PE", name, capacity, SettingKind.OnSite);
        }

        AddRoom("Drama", "Drama Studio", 60, SettingKind.OnSite);
        AddRooms("Lab", "Science Lab", 12);
        AddRooms("IT", "IT Suite", 4);
        AddRooms("Art", "Art Studio", 3);
        AddRooms("Music", "Music Room", 2);
        AddRooms("DT", "D&T Workshop", 3);
        AddRooms("General", "Classroom", 55);
        AddRoom("Seminar", "Library Seminar Room", 16, SettingKind.OnSite);
        AddRoom("Early", "Early Base E1", 30, SettingKind.OnSite);
        AddRoom("Early", "Early Base E2", 30, SettingKind.OnSite);
    }

    private void AddRooms(string pool, string name, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            AddRoom(pool, $"{name} {i}", 30, SettingKind.OnSite);
        }
    }

    private Room AddRoom(string pool, string name, int capacity, SettingKind setting, string? address = null)
    {
        var room = Room.Create(Guid.CreateVersion7(), _schoolId, name, capacity, setting, address);
        _rooms.Add(room);
        if (!_roomPools.TryGetValue(pool, out var list))
        {
            list = [];
            _roomPools[pool] = list;
        }

        list.Add(room);
        return room;
    }

    private TeachingGroup AddGroup(string name, GroupKind kind, string? subject, string? level, List<Student> members)
    {
        var group = TeachingGroup.Create(Guid.CreateVersion7(), _schoolId, name, kind, subject, level);
        Require(group.SetMembers(members).IsSuccess, "group members");
        _groups.Add(group);
        _members[group.Id] = members;
        return group;
    }

    private List<(TeachingGroup Group, string Subject)> Sets(string label, string subject, List<Student> pupils, int count, Func<Student, double> score)
    {
        var ordered = pupils.OrderByDescending(score).ThenBy(s => s.PupilNumber, StringComparer.Ordinal).ToList();
        var chunks = Chunk(ordered, count);
        return chunks.Select((members, i) => (AddGroup($"{label} {subject} Set {i + 1}", GroupKind.AbilitySet, subject, $"Set {i + 1}", members), subject)).ToList();
    }

    private static IEnumerable<(char Letter, string[] Subjects)> OptionBlocks(int yearGroup)
    {
        var n = yearGroup == 10 ? 15 : 16;
        string[][] blocks =
        [
            ["Geography", "Geography", "History", "History", "French", "Spanish", "Art", "Computing", "Business", "Triple Science", "Music", "D&T", "Sociology", "Food", "GCSE PE", "Geography"],
            ["History", "History", "Geography", "Spanish", "French", "Art", "Drama", "Computing", "Business", "Media Studies", "RE GCSE", "Statistics", "D&T", "Food", "Sociology", "History"],
            ["Triple Science", "Triple Science", "Geography", "History", "French", "Art", "Music", "Computing", "Business", "Media Studies", "D&T", "Food", "GCSE PE", "Drama", "Spanish", "Sociology"],
            ["Geography", "History", "Spanish", "French", "Art", "Computing", "Business", "Media Studies", "Statistics", "Drama", "D&T", "Food", "RE GCSE", "Sociology", "Music", "Computing"],
        ];
        return "ABCD".Select((letter, i) => (letter, blocks[i].Take(yearGroup == 11 && letter == 'D' ? 15 : n).ToArray()));
    }

    /// <summary>Each class's subjects outside the columns, as (subject, periods, doubles) per fortnight.</summary>
    private static (string Subject, int Periods, int Doubles)[] ClassPlan(int yearGroup) => yearGroup switch
    {
        8 =>
        [
            ("PE", 4, 2), ("Art", 2, 1), ("D&T", 2, 1), ("History", 3, 0), ("Geography", 3, 0), ("French", 5, 0), ("Computing", 2, 0),
            ("Music", 1, 0), ("Drama", 1, 0), ("RE", 2, 0), ("PSHE", 2, 0),
        ],
        10 or 11 => [("PE", 2, 1), ("RE", 3, 0), ("PSHE", 3, 0), ("Citizenship", 2, 0)],
        _ =>
        [
            ("PE", 4, 2), ("Art", 3, 1), ("D&T", 3, 1), ("History", 4, 0), ("Geography", 4, 0), ("French", 5, 0), ("Computing", 2, 0),
            ("Music", 2, 0), ("Drama", 2, 0), ("RE", 2, 0), ("PSHE", 2, 0),
        ],
    };

    // ---------------------------------------------------------------- laying out the fortnight

    /// <summary>Places a column (a subject all of whose groups meet together) on the grids: doubles on a morning pair, singles spread over the days.</summary>
    private void PlaceColumn(IReadOnlyList<string?[][]> grids, string column, int doubles, int singles, int reservePairs)
    {
        bool Free(int d, int p) => grids.All(g => g[d][p] is null);
        bool OnDay(int d) => grids.Any(g => g[d].Contains(column));
        int WholePairs() => AllCells().Count(c => IsPairStart(c.P) && Free(c.D, c.P) && Free(c.D, c.P + 1));
        void Mark(int d, int p)
        {
            foreach (var grid in grids)
            {
                grid[d][p] = column;
            }
        }

        for (var i = 0; i < doubles; i++)
        {
            var pairs = AllCells().Where(c => c.P is 1 or 3 && Free(c.D, c.P) && Free(c.D, c.P + 1)).ToList();
            var preferred = pairs.Where(c => !OnDay(c.D)).ToList();
            var (d, p) = PickOne(preferred.Count > 0 ? preferred : pairs, column);
            Mark(d, p);
            Mark(d, p + 1);
        }

        for (var i = 0; i < singles; i++)
        {
            var cells = AllCells().Where(c => Free(c.D, c.P)).ToList();
            bool Breaks((int D, int P) c) => Free(c.D, Partner(c.P));
            var canBreak = WholePairs() > reservePairs;
            var tiers = new[]
            {
                cells.Where(c => !OnDay(c.D) && !Breaks(c)),
                cells.Where(c => !OnDay(c.D) && canBreak),
                cells.Where(c => !Breaks(c)),
                cells.Where(_ => canBreak),
                cells,
            };
            var choice = tiers.Select(t => t.ToList()).First(t => t.Count > 0);
            var (d, p) = PickOne(choice, column);
            Mark(d, p);
        }
    }

    /// <summary>Places one class's subjects in the cells the columns left free; PE only where a PE space is free.</summary>
    private string?[][] PlaceClass(string?[][] grid, (string Subject, int Periods, int Doubles)[] plan)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var cells = NewGrid<string?>();
            var ok = true;
            foreach (var (subject, _, doubles) in plan.Where(x => x.Doubles > 0))
            {
                for (var i = 0; i < doubles && ok; i++)
                {
                    var pairs = AllCells().Where(c => IsPairStart(c.P)
                        && grid[c.D][c.P] is null && grid[c.D][c.P + 1] is null && cells[c.D][c.P] is null && cells[c.D][c.P + 1] is null
                        && (subject != "PE" || (_peInUse[c.D][c.P] < PeSpaces && _peInUse[c.D][c.P + 1] < PeSpaces))).ToList();
                    if (pairs.Count == 0)
                    {
                        ok = false;
                        break;
                    }

                    // PE goes where the fewest PE spaces are taken, so every class finds one.
                    if (subject == "PE")
                    {
                        var least = pairs.Min(c => Math.Max(_peInUse[c.D][c.P], _peInUse[c.D][c.P + 1]));
                        pairs = pairs.Where(c => Math.Max(_peInUse[c.D][c.P], _peInUse[c.D][c.P + 1]) == least).ToList();
                    }

                    var preferred = pairs.Where(c => !cells[c.D].Contains(subject)).ToList();

                    var (d, p) = PickOne(preferred.Count > 0 ? preferred : pairs, subject);
                    cells[d][p] = subject;
                    cells[d][p + 1] = subject;
                }
            }

            if (!ok)
            {
                continue;
            }

            var singles = plan.SelectMany(x => Enumerable.Repeat(x.Subject, x.Periods - (2 * x.Doubles))).ToList();
            var free = Shuffled(AllCells().Where(c => grid[c.D][c.P] is null && cells[c.D][c.P] is null).ToList());
            Require(free.Count == singles.Count, $"class plan fills the grid ({free.Count} cells, {singles.Count} periods)");
            singles = Shuffled(singles);
            foreach (var (d, p) in free)
            {
                var index = singles.FindIndex(s => !cells[d].Contains(s));
                index = index < 0 ? 0 : index;
                cells[d][p] = singles[index];
                singles.RemoveAt(index);
            }

            foreach (var (d, p) in AllCells().Where(c => cells[c.D][c.P] == "PE"))
            {
                _peInUse[d][p]++;
            }

            return cells;
        }

        var freePairs = AllCells().Where(c => IsPairStart(c.P) && grid[c.D][c.P] is null && grid[c.D][c.P + 1] is null)
            .Select(c => $"d{c.D}p{c.P}:{_peInUse[c.D][c.P]}/{_peInUse[c.D][c.P + 1]}");
        throw new InvalidOperationException($"Could not place a class's subjects; the generator's plan does not fit. Free pairs (PE in use): {string.Join(' ', freePairs)}");
    }

    private void AddColumnBlocks(int yearGroup, string?[][] grid, Dictionary<string, List<(TeachingGroup Group, string Subject)>> columns, List<TeachingGroup> offSite)
    {
        foreach (var (d, p, end, key) in Runs(grid))
        {
            if (key == "Flex" || (key == "Y7/8 Maths" && yearGroup == 8))
            {
                continue;
            }

            foreach (var (group, subject) in columns[key])
            {
                if (offSite.Contains(group))
                {
                    continue;
                }

                var set = group.Kind == GroupKind.AbilitySet ? int.Parse(group.Level!["Set ".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;
                var sets = columns[key].Count;
                var wantsAssistant = set > 0 && set > sets - (sets > 16 ? 4 : 2) && subject is "English" or "Maths";
                _specs.Add(Lesson(key.StartsWith("Y7/8", StringComparison.Ordinal) ? 0 : yearGroup, group, subject,
                    set > 0 ? BlockSource.AbilitySet : BlockSource.OptionGroup, d, Periods[p].Start, end, set, wantsAssistant));
            }
        }

        if (yearGroup == 11)
        {
            foreach (var group in offSite)
            {
                var subject = group.Subject!;
                _specs.Add(Repeating($"{group.Name}", subject, BlockKind.OffSitePlacement, BlockSource.OffSite, 11, group, 2, DayOfWeek.Wednesday,
                    530, 330, unitKey: $"{group.Name}|{subject}"));
            }
        }
    }

    private void AddClassBlocks(int yearGroup, TeachingGroup cls, string?[][] cells)
    {
        foreach (var (d, p, end, subject) in Runs(cells))
        {
            _specs.Add(Lesson(yearGroup, cls, subject, BlockSource.Class, d, Periods[p].Start, end, 0, false));
        }
    }

    /// <summary>The blocks a grid holds: a morning pair holding the same entry twice is one 100-minute block.</summary>
    private static IEnumerable<(int D, int P, int End, string Key)> Runs(string?[][] grid)
    {
        for (var d = 0; d < CycleDays; d++)
        {
            for (var p = 1; p <= 6; p++)
            {
                if (grid[d][p] is not { } key || (!IsPairStart(p) && grid[d][p - 1] == key))
                {
                    continue;
                }

                var isDouble = IsPairStart(p) && grid[d][p + 1] == key;
                yield return (d, p, isDouble ? Periods[p + 1].End : Periods[p].End, key);
            }
        }
    }

    private BlockSpec Lesson(int yearGroup, TeachingGroup group, string subject, BlockSource source, int day, int start, int end, int set, bool wantsAssistant) =>
        new()
        {
            Title = $"{group.Name}{(group.Subject is null ? $" {subject}" : "")}",
            Subject = subject,
            Kind = end - start >= 100 ? BlockKind.ExtendedSession : BlockKind.Lesson,
            Source = source,
            YearGroup = yearGroup,
            GroupId = group.Id,
            GroupSize = _members[group.Id].Count,
            SetNumber = set,
            CycleWeek = Occurrence.WeekOf(day),
            Day = Occurrence.DayOf(day),
            Start = start,
            Minutes = end - start,
            UnitKey = $"{group.Name}|{subject}",
            Occurrences = [new(day, start, end)],
            WantsAssistant = wantsAssistant,
        };

    private BlockSpec Repeating(
        string title, string subject, BlockKind kind, BlockSource source, int yearGroup, TeachingGroup group, int? week, DayOfWeek day, int start, int minutes,
        string unitKey) =>
        new()
        {
            Title = title,
            Subject = subject,
            Kind = kind,
            Source = source,
            YearGroup = yearGroup,
            GroupId = group.Id,
            GroupSize = _members[group.Id].Count,
            CycleWeek = week,
            Day = day,
            Start = start,
            Minutes = minutes,
            UnitKey = unitKey,
            Occurrences = (week is { } w ? [w] : BothWeeks).Select(x => new Occurrence(Occurrence.DayIndex(x, day), start, start + minutes)).ToList(),
        };

    // ---------------------------------------------------------------- tutor groups, early window, project

    private void AddTutorGroups(Dictionary<int, List<Student>> byYear, List<Student> earlyCohort)
    {
        var members = Enumerable.Range(0, TutorGroupCount).Select(_ => new List<Student>()).ToList();
        var offset = 0;
        foreach (var y in new[] { 7, 8, 9, 10, 11 })
        {
            foreach (var student in Shuffled(byYear[y].Except(earlyCohort).ToList()))
            {
                members[offset++ % TutorGroupCount].Add(student);
            }
        }

        // Tutors: the teachers with the lightest timetables; teaching assistants co-tutor the first ten groups.
        var tutors = _teachers.OrderBy(t => _occupancy.MinutesOf(t.Id)).Take(TutorGroupCount).ToList();
        for (var i = 0; i < TutorGroupCount; i++)
        {
            var group = AddGroup($"{Houses[i % Houses.Length]} {(i / Houses.Length) + 1}", GroupKind.TutorGroup, null, null, members[i]);
            foreach (var day in Weekdays())
            {
                var spec = Repeating($"{group.Name} tutor time", "Tutorial", BlockKind.Tutorial, BlockSource.Tutor, 0, group, null, day, Periods[0].Start,
                    Periods[0].End - Periods[0].Start, unitKey: $"{group.Name}|Tutorial");
                spec.Staff.Add(tutors[i].Id);
                _occupancy.Book(tutors[i].Id, spec.Occurrences);
                if (i < _assistants.Count)
                {
                    spec.Staff.Add(_assistants[i].Id);
                    _occupancy.Book(_assistants[i].Id, spec.Occurrences);
                }

                _specs.Add(spec);
            }
        }
    }

    private void AddEarlyWindow(List<Student> earlyCohort)
    {
        string[][] plan =
        [
            ["Maths", "English", "Science", "Geography"],
            ["English", "Maths", "Business", "Science"],
            ["PE", "Science", "Computing", "English"],
            ["Maths", "Geography", "Art", "Maths"],
            ["English", "Science", "Enterprise", "RE"],
        ];
        var halves = Deal(earlyCohort, 2);
        var bases = _roomPools["Early"];
        var sportsHall = _rooms.Single(r => r.Name == "Sports Hall");
        var early = new List<BlockSpec>();
        for (var g = 0; g < 2; g++)
        {
            var group = AddGroup($"10E{g + 1}", GroupKind.Class, null, null, halves[g]);
            var days = Weekdays().ToArray();
            for (var d = 0; d < days.Length; d++)
            {
                var tutor = Repeating($"{group.Name} tutor time", "Tutorial", BlockKind.Tutorial, BlockSource.EarlyWindow, 10, group, null, days[d],
                    EarlySessions[0].Start, EarlySessions[0].End - EarlySessions[0].Start, unitKey: $"{group.Name}|Tutorial");
                tutor.RoomId = bases[g].Id;
                early.Add(tutor);
                var today = plan[(d + g) % plan.Length];
                for (var s = 0; s < today.Length; s++)
                {
                    var (start, end) = EarlySessions[s + 1];
                    var spec = Repeating($"{group.Name} {today[s]}", today[s], end - start >= 100 ? BlockKind.ExtendedSession : BlockKind.Lesson,
                        BlockSource.EarlyWindow, 10, group, null, days[d], start, end - start, unitKey: $"{group.Name}|{today[s]}");
                    spec.RoomId = today[s] == "PE" ? sportsHall.Id : bases[g].Id;
                    early.Add(spec);
                }
            }
        }

        foreach (var unit in early.GroupBy(b => b.UnitKey).Select(u => u.ToList()))
        {
            var when = unit.SelectMany(b => b.Occurrences).ToList();
            var department = unit[0].Subject;
            var teacher = Free(_earlyStaff.Where(s => _departmentOf[s.Id] == department), when) ?? Free(_earlyStaff, when)
                ?? throw new InvalidOperationException("No early-shift teacher free.");
            _occupancy.Book(teacher.Id, when);
            foreach (var block in unit)
            {
                block.Staff.Add(teacher.Id);
                _occupancy.Book(block.RoomId!.Value, block.Occurrences);
            }
        }

        _specs.AddRange(early);
    }

    private List<StaffShift> EarlyShifts() =>
        _earlyStaff.SelectMany(member => BothWeeks.SelectMany(week => Weekdays().Select(day =>
            StaffShift.Create(Guid.CreateVersion7(), _schoolId, member.Id, week, day, new(7, 15), new(13, 15))))).ToList();

    /// <summary>
    /// A week-long joint project in the Main Hall for 60 Year 9s of two partner schools, run by two pastoral leads.
    /// (A project for this school's own pupils would collide with all their repeating lessons that week: the model has
    /// no way to suspend a group's timetable for a dated block, so the detector would report every lesson it covers.)
    /// </summary>
    private (List<Student> Partners, BlockSpec Project) ThemedProject(AcademicYear year)
    {
        var partners = new List<Student>();
        foreach (var (prefix, count) in new[] { ("P", 30), ("Q", 30) })
        {
            var partnerSchool = Guid.CreateVersion7();
            for (var i = 1; i <= count; i++)
            {
                partners.Add(Student.Create(Guid.CreateVersion7(), partnerSchool, $"{prefix}09{i:0000}",
                    GivenNames[_random.Next(GivenNames.Length)], FamilyNames[_random.Next(FamilyNames.Length)], new DateOnly(2012, 9, 1).AddDays(_random.Next(365)), 9));
            }
        }

        var from = new DateOnly(2027, 2, 8);
        var to = new DateOnly(2027, 2, 12);
        var occurrences = Enumerable.Range(0, 5).Select(i => from.AddDays(i)).Where(year.IsSchoolDay)
            .Select(date => year.CycleDayOf(date)).Select(c => new Occurrence(Occurrence.DayIndex(c.Week, c.Day), 540, 900)).ToList();
        var hall = _roomPools["Main hall"][0];
        var project = new BlockSpec
        {
            Title = "Partnership Enterprise Week: design a sustainable town",
            Subject = "Enterprise",
            Kind = BlockKind.ThemedProject,
            Source = BlockSource.ThemedProject,
            YearGroup = 0,
            FromDate = from,
            ToDate = to,
            Start = 540,
            Minutes = 360,
            IsJoint = true,
            UnitKey = "Project",
            Occurrences = occurrences,
            RoomId = hall.Id,
        };
        project.Students.AddRange(partners.Select(s => s.Id));
        foreach (var lead in _pastoralLeads.Take(2))
        {
            Require(_occupancy.IsFree(lead.Id, occurrences), "project staff free");
            project.Staff.Add(lead.Id);
            _occupancy.Book(lead.Id, occurrences);
        }

        Require(_occupancy.IsFree(hall.Id, occurrences), "main hall free");
        return (partners, project);
    }

    // ---------------------------------------------------------------- staff and rooms

    private void AssignTeachers()
    {
        // Flexible Friday first: two teachers each for a whole day.
        foreach (var block in _specs.Where(b => b.Source == BlockSource.FlexibleFriday))
        {
            for (var k = 0; k < 2; k++)
            {
                var teacher = Free(_teachers.Where(t => _departmentOf[t.Id] == DepartmentOf(block.Subject)), block.Occurrences) ?? Free(_teachers, block.Occurrences)
                    ?? throw new InvalidOperationException("No teacher free for a flexible Friday.");
                block.Staff.Add(teacher.Id);
                _occupancy.Book(teacher.Id, block.Occurrences);
            }
        }

        // Then each group keeps one teacher per subject where one is free for all its lessons (largest units first).
        var units = _specs.Where(b => b.Staff.Count == 0 && b.Source is BlockSource.AbilitySet or BlockSource.OptionGroup or BlockSource.Class or BlockSource.OffSite)
            .GroupBy(b => b.UnitKey).Select(g => g.ToList()).OrderByDescending(u => u.Sum(b => b.Minutes)).ToList();
        _teachingUnits = units.Count;
        foreach (var unit in units)
        {
            var when = unit.SelectMany(b => b.Occurrences).ToList();
            var department = DepartmentOf(unit[0].Subject);
            var teacher = Free(_teachers.Where(t => _departmentOf[t.Id] == department), when) ?? Free(_teachers, when);
            if (teacher is not null)
            {
                _occupancy.Book(teacher.Id, when);
                unit.ForEach(b => b.Staff.Add(teacher.Id));
                continue;
            }

            // No one is free for all of them: the lessons are shared between teachers, as happens.
            _splitUnits++;
            foreach (var block in unit)
            {
                var one = Free(_teachers.Where(t => _departmentOf[t.Id] == department), block.Occurrences) ?? Free(_teachers, block.Occurrences)
                    ?? throw new InvalidOperationException($"No teacher free for {block.Title}.");
                _occupancy.Book(one.Id, block.Occurrences);
                block.Staff.Add(one.Id);
            }
        }

        // Teaching assistants join the lowest sets in English and Maths where one is free.
        foreach (var block in _specs.Where(b => b.WantsAssistant))
        {
            if (Free(_assistants, block.Occurrences) is { } assistant)
            {
                _occupancy.Book(assistant.Id, block.Occurrences);
                block.Staff.Add(assistant.Id);
            }
        }
    }

    private void AssignRooms()
    {
        var home = new Dictionary<string, Room>();
        var ordered = _specs.Where(b => b.RoomId is null)
            .OrderBy(b => b.Occurrences[0].Day).ThenBy(b => b.Start).ThenByDescending(b => b.Minutes).ToList();
        foreach (var block in ordered)
        {
            Room? room = null;
            if (block.Source == BlockSource.OffSite)
            {
                room = _roomPools["Off-site"].First(r => block.Subject == "Engineering" ? r.Setting == SettingKind.College : r.Setting == SettingKind.Employer);
            }
            else
            {
                var pools = RoomPools(block.Subject);
                if (home.TryGetValue(block.UnitKey, out var usual) && pools.Any(p => _roomPools[p].Contains(usual)) && _occupancy.IsFree(usual.Id, block.Occurrences))
                {
                    room = usual;
                }

                room ??= pools.SelectMany(p => _roomPools[p]).FirstOrDefault(r => r.Capacity >= block.Size && _occupancy.IsFree(r.Id, block.Occurrences));
            }

            if (room is null)
            {
                throw new InvalidOperationException($"No room free for {block.Title} (day {block.Occurrences[0].Day}, {block.Start}).");
            }

            _occupancy.Book(room.Id, block.Occurrences);
            block.RoomId = room.Id;
            home[block.UnitKey] = room;
        }
    }

    /// <summary>The rooms a subject is taught in, best first: its specialist rooms, then classrooms, then any teaching room.</summary>
    private static string[] RoomPools(string subject)
    {
        string[] teaching = ["General", "IT", "Art", "Music", "DT", "Drama", "Lab"];
        var specialist = subject switch
        {
            "PE" => "PE",
            "Science" or "Triple Science" => "Lab",
            "Computing" or "Business" or "Media Studies" => "IT",
            "Art" => "Art",
            "Music" => "Music",
            "D&T" or "Food" => "DT",
            "Drama" => "Drama",
            _ => "General",
        };
        return specialist == "PE" ? ["PE"] : [specialist, .. teaching.Where(p => p != specialist)];
    }

    private static string DepartmentOf(string subject) => subject switch
    {
        "Triple Science" => "Science",
        "Statistics" => "Maths",
        "French" or "Spanish" => "Languages",
        "GCSE PE" => "PE",
        "RE GCSE" or "Sociology" => "RE",
        "Food" or "Engineering" => "D&T",
        "Media Studies" => "English",
        "Work placement" => "Business",
        "Humanities" => "History",
        _ => subject,
    };

    private StaffMember? Free(IEnumerable<StaffMember> pool, IReadOnlyList<Occurrence> when) =>
        pool.Where(s => _occupancy.IsFree(s.Id, when)).MinBy(s => _occupancy.MinutesOf(s.Id));

    // ---------------------------------------------------------------- the seeded clashes

    /// <summary>Six deliberate mistakes, one of each kind a timetabler makes, so the detector has something to report.</summary>
    private Dictionary<ClashKind, int> SeedClashes(List<Student> earlyCohort, List<Student> year9)
    {
        bool Single(BlockSpec b) => !b.Seeded && b.Minutes <= 60 && b.Staff.Count == 1 && b.CycleWeek is not null;

        // 1. A teacher double-booked: a Year 7 lesson given to the teacher of a Year 9 lesson at the same time.
        var (y9Lesson, y7Lesson) = _specs.Where(b => b.YearGroup == 9 && b.Source == BlockSource.Class && Single(b))
            .SelectMany(a => _specs.Where(b => b.YearGroup == 7 && b.Source == BlockSource.Class && Single(b)
                && b.Occurrences[0] == a.Occurrences[0] && b.Staff[0] != a.Staff[0]).Select(b => (a, b)))
            .First();
        y7Lesson.Staff[0] = y9Lesson.Staff[0];
        y7Lesson.Seeded = y9Lesson.Seeded = true;

        // 2. A room over capacity: a Year 11 English set moved into the 16-seat seminar room.
        var seminar = _roomPools["Seminar"][0];
        var english = _specs.First(b => b.YearGroup == 11 && b.Source == BlockSource.AbilitySet && b.Subject == "English" && Single(b) && b.Size > seminar.Capacity);
        english.RoomId = seminar.Id;
        english.Seeded = true;

        // 3. An early-window pupil put in an afternoon option lesson (13:20), after their window closes at 13:00.
        var capacity = _rooms.ToDictionary(r => r.Id, r => r.Capacity);
        var afternoon = _specs.First(b => b.YearGroup == 10 && b.Source == BlockSource.OptionGroup && Single(b) && b.Start == Periods[5].Start
            && b.Size < capacity[b.RoomId!.Value]);
        afternoon.Students.Add(earlyCohort[0].Id);
        afternoon.Seeded = true;

        // 4. A pupil double-booked: the strongest Year 9 mathematician joins one Year 10 Set 1 Maths lesson, over their own lesson.
        var accelerating = year9.MaxBy(s => _ability[s.Id].Maths)!;
        var theirs = _specs.Where(b => b.GroupId is { } g && _members[g].Contains(accelerating)).ToList();
        var maths = _specs.First(b => b.YearGroup == 10 && b.Subject == "Maths" && b.SetNumber == 1 && Single(b) && b.Size < capacity[b.RoomId!.Value]
            && theirs.Count(t => t.Occurrences.Any(o => o.Overlaps(b.Occurrences[0]))) == 1);
        maths.Students.Add(accelerating.Id);
        maths.Seeded = true;

        // 5. A teacher outside their shift: an early-shift teacher added to a 13:20 Year 9 lesson; their shift ends 13:15.
        var outside = _specs.First(b => b.YearGroup == 9 && b.Source == BlockSource.Class && Single(b) && b.Start == Periods[5].Start);
        Require(_occupancy.IsFree(_earlyStaff[0].Id, outside.Occurrences), "early teacher free in the afternoon");
        outside.Staff.Add(_earlyStaff[0].Id);
        outside.Seeded = true;

        // 6. A room double-booked: a Year 8 lesson put in the classroom another Year 8 class is using.
        var (first, second) = _specs.Where(b => b.YearGroup == 8 && b.Source == BlockSource.Class && Single(b) && b.Subject is "History" or "Geography" or "RE")
            .SelectMany(a => _specs.Where(b => b != a && b.YearGroup == 8 && b.Source == BlockSource.Class && Single(b)
                && b.Subject is "History" or "Geography" or "RE" && b.Occurrences[0] == a.Occurrences[0] && b.RoomId != a.RoomId).Select(b => (a, b)))
            .First();
        second.RoomId = first.RoomId;
        first.Seeded = second.Seeded = true;

        return new Dictionary<ClashKind, int>
        {
            [ClashKind.TeacherDoubleBooked] = 1,
            [ClashKind.RoomOverCapacity] = 1,
            [ClashKind.StudentOutsideWindow] = 1,
            [ClashKind.StudentDoubleBooked] = 1,
            [ClashKind.TeacherOutsideShift] = 1,
            [ClashKind.RoomDoubleBooked] = 1,
        };
    }

    // ---------------------------------------------------------------- helpers

    private static T[][] NewGrid<T>() => Enumerable.Range(0, CycleDays).Select(_ => new T[7]).ToArray();

    private static IEnumerable<(int D, int P)> AllCells() =>
        Enumerable.Range(0, CycleDays).SelectMany(d => Enumerable.Range(1, 6).Select(p => (d, p)));

    /// <summary>Periods pair up (1–2, 3–4, 5–6); a subject in both periods of a pair is one long block.</summary>
    private static bool IsPairStart(int period) => period % 2 == 1;

    private static int Partner(int period) => IsPairStart(period) ? period + 1 : period - 1;

    private static IEnumerable<DayOfWeek> Weekdays() =>
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private (int D, int P) PickOne(List<(int D, int P)> cells, string what)
    {
        Require(cells.Count > 0, $"a free cell for {what}");
        return cells[_random.Next(cells.Count)];
    }

    private List<T> Shuffled<T>(IReadOnlyCollection<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>Deals items round-robin into <paramref name="count"/> groups of near-equal size.</summary>
    private static List<List<T>> Deal<T>(List<T> items, int count)
    {
        var groups = Enumerable.Range(0, count).Select(_ => new List<T>()).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            groups[i % count].Add(items[i]);
        }

        return groups;
    }

    /// <summary>Splits ordered items into <paramref name="count"/> consecutive runs of near-equal size.</summary>
    private static List<List<T>> Chunk<T>(List<T> items, int count)
    {
        var chunks = new List<List<T>>();
        var taken = 0;
        for (var i = 0; i < count; i++)
        {
            var size = (items.Count - taken) / (count - i);
            chunks.Add(items.Skip(taken).Take(size).ToList());
            taken += size;
        }

        return chunks;
    }

    private double Gaussian() =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble())) * Math.Cos(2.0 * Math.PI * _random.NextDouble());

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Generator invariant failed: {what}.");
        }
    }
}
