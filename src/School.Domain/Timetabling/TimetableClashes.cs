namespace School.Domain.Timetabling;

public enum ClashKind
{
    StudentDoubleBooked,
    TeacherDoubleBooked,
    RoomDoubleBooked,
    RoomOverCapacity,
    StudentOutsideWindow,
    TeacherOutsideShift,
    WindowOverCapacity,
}

/// <summary>One clash the timetabler must see, with its cause and everyone it involves.</summary>
public sealed record Clash(
    ClashKind Kind,
    string Message,
    IReadOnlyList<Guid> BlockIds,
    IReadOnlyList<Guid> StudentIds,
    IReadOnlyList<Guid> StaffIds,
    Guid? RoomId,
    Guid? WindowId,
    CycleDay? CycleDay,
    int? StartMinute,
    int? EndMinute);

/// <summary>Everything clash detection looks at, for one school's timetable in one academic year.</summary>
public sealed record TimetableSnapshot(
    AcademicYear Year,
    IReadOnlyList<LearningBlock> Blocks,
    IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> GroupMembers,
    IReadOnlyDictionary<Guid, Room> Rooms,
    IReadOnlyList<DayWindow> Windows,
    IReadOnlyList<StaffShift> Shifts);

/// <summary>
/// Finds every clash in a timetable: a student, teacher or room in two blocks at once; a room over capacity; a student
/// timetabled outside their day window; a teacher outside their shift; a window over capacity. Works per cycle day with
/// a sort-and-sweep per person or room, so a 2,300-pupil school on a two-week cycle takes milliseconds (see bench/).
/// </summary>
public static class TimetableClashDetector
{
    public static IReadOnlyList<Clash> Detect(TimetableSnapshot timetable)
    {
        var clashes = new List<Clash>();
        var blocks = timetable.Blocks;
        var cycleDays = blocks.Select(b => b.CycleDays(timetable.Year).OrderBy(Key).ToArray()).ToArray();
        var students = blocks.Select(b => StudentsOf(b, timetable.GroupMembers)).ToArray();

        DoubleBookings(timetable, cycleDays, students, clashes);
        RoomsOverCapacity(timetable, students, clashes);
        OutsideWindows(timetable, students, clashes);
        OutsideShifts(timetable, cycleDays, clashes);
        WindowsOverCapacity(timetable, clashes);
        return clashes;
    }

    /// <summary>The students in a block: its group's members and any named individually.</summary>
    public static HashSet<Guid> StudentsOf(LearningBlock block, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> groupMembers)
    {
        var set = new HashSet<Guid>(block.StudentIds);
        if (block.GroupId is { } group && groupMembers.TryGetValue(group, out var members))
        {
            set.UnionWith(members);
        }

        return set;
    }

    private static int Key(CycleDay day) => ((day.Week - 1) * 7) + (int)day.Day;

    private readonly record struct Slot(int Key, int Start, int End, int Block);

    private static void DoubleBookings(TimetableSnapshot timetable, CycleDay[][] cycleDays, HashSet<Guid>[] students, List<Clash> clashes)
    {
        var byStudent = new Dictionary<Guid, List<Slot>>();
        var byStaff = new Dictionary<Guid, List<Slot>>();
        var byRoom = new Dictionary<Guid, List<Slot>>();
        for (var b = 0; b < timetable.Blocks.Count; b++)
        {
            var block = timetable.Blocks[b];
            foreach (var day in cycleDays[b])
            {
                var slot = new Slot(Key(day), block.StartMinute, block.EndMinute, b);
                foreach (var student in students[b])
                {
                    Add(byStudent, student, slot);
                }

                foreach (var staff in block.StaffIds)
                {
                    Add(byStaff, staff, slot);
                }

                if (block.RoomId is { } room)
                {
                    Add(byRoom, room, slot);
                }
            }
        }

        Report(ClashKind.StudentDoubleBooked, byStudent, timetable, clashes);
        Report(ClashKind.TeacherDoubleBooked, byStaff, timetable, clashes);
        Report(ClashKind.RoomDoubleBooked, byRoom, timetable, clashes);
    }

    private static void Add(Dictionary<Guid, List<Slot>> map, Guid key, Slot slot)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(slot);
    }

    private sealed class PairClash(Slot first, Slot second)
    {
        public Slot First { get; } = first;

        public Slot Second { get; } = second;

        public List<Guid> Who { get; } = [];
    }

    private static void Report(ClashKind kind, Dictionary<Guid, List<Slot>> slotsByWho, TimetableSnapshot timetable, List<Clash> clashes)
    {
        var pairs = new Dictionary<(int, int), PairClash>();
        foreach (var (who, slots) in slotsByWho)
        {
            slots.Sort(static (x, y) => x.Key != y.Key ? x.Key.CompareTo(y.Key) : x.Start.CompareTo(y.Start));
            for (var i = 0; i < slots.Count; i++)
            {
                for (var j = i + 1; j < slots.Count && slots[j].Key == slots[i].Key && slots[j].Start < slots[i].End; j++)
                {
                    var (a, b) = (timetable.Blocks[slots[i].Block], timetable.Blocks[slots[j].Block]);
                    if (a.Id == b.Id || !DatesMeet(a, b, timetable.Year, slots[i].Key))
                    {
                        continue;
                    }

                    var pairKey = slots[i].Block < slots[j].Block ? (slots[i].Block, slots[j].Block) : (slots[j].Block, slots[i].Block);
                    if (!pairs.TryGetValue(pairKey, out var pair))
                    {
                        pair = new PairClash(slots[i], slots[j]);
                        pairs[pairKey] = pair;
                    }

                    if (pair.Who.Count == 0 || pair.Who[^1] != who)
                    {
                        pair.Who.Add(who);
                    }
                }
            }
        }

        foreach (var pair in pairs.Values.OrderBy(p => p.First.Key).ThenBy(p => p.Second.Start))
        {
            var a = timetable.Blocks[pair.First.Block];
            var b = timetable.Blocks[pair.Second.Block];
            var day = new CycleDay((pair.First.Key / 7) + 1, (DayOfWeek)(pair.First.Key % 7));
            var start = Math.Max(pair.First.Start, pair.Second.Start);
            var end = Math.Min(pair.First.End, pair.Second.End);
            var when = $"{day.Label(timetable.Year.CycleWeeks)} {BlockTiming.Format(start)}–{BlockTiming.Format(end)}";
            var who = pair.Who.OrderBy(g => g).ToList();
            var message = kind switch
            {
                ClashKind.StudentDoubleBooked => $"'{a.Title}' and '{b.Title}' overlap on {when} for {who.Count} student(s).",
                ClashKind.TeacherDoubleBooked => $"'{a.Title}' and '{b.Title}' overlap on {when} for {who.Count} member(s) of staff.",
                _ => $"'{a.Title}' and '{b.Title}' are in the same room on {when}.",
            };
            clashes.Add(new Clash(
                kind, message, [a.Id, b.Id],
                kind == ClashKind.StudentDoubleBooked ? who : [],
                kind == ClashKind.TeacherDoubleBooked ? who : [],
                kind == ClashKind.RoomDoubleBooked ? who[0] : null,
                null, day, start, end));
        }
    }

    /// <summary>
    /// Two blocks on the same cycle day meet unless both are dated and share no school day falling on that cycle day
    /// (ranges that touch only at a weekend or a closure do not meet).
    /// </summary>
    private static bool DatesMeet(LearningBlock a, LearningBlock b, AcademicYear year, int key)
    {
        if (!a.IsDated || !b.IsDated)
        {
            return true;
        }

        var from = new[] { a.FromDate!.Value, b.FromDate!.Value, year.Start }.Max();
        var to = new[] { a.ToDate!.Value, b.ToDate!.Value, year.End }.Min();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (year.IsSchoolDay(date) && Key(year.CycleDayOf(date)) == key)
            {
                return true;
            }
        }

        return false;
    }

    private static void RoomsOverCapacity(TimetableSnapshot timetable, HashSet<Guid>[] students, List<Clash> clashes)
    {
        for (var b = 0; b < timetable.Blocks.Count; b++)
        {
            var block = timetable.Blocks[b];
            if (block.RoomId is { } roomId && timetable.Rooms.TryGetValue(roomId, out var room) && students[b].Count > room.Capacity)
            {
                clashes.Add(new Clash(
                    ClashKind.RoomOverCapacity,
                    $"'{block.Title}' has {students[b].Count} students but {room.Name} holds {room.Capacity}.",
                    [block.Id], [], [], room.Id, null, null, block.StartMinute, block.EndMinute));
            }
        }
    }

    private static void OutsideWindows(TimetableSnapshot timetable, HashSet<Guid>[] students, List<Clash> clashes)
    {
        var windowOf = new Dictionary<Guid, DayWindow>();
        foreach (var window in timetable.Windows)
        {
            foreach (var enrolment in window.Enrolments.Where(e => e.Status == EnrolmentStatus.Approved))
            {
                windowOf[enrolment.StudentId] = window;
            }
        }

        var standard = timetable.Windows.FirstOrDefault(w => w.IsDefault);
        for (var b = 0; b < timetable.Blocks.Count; b++)
        {
            var block = timetable.Blocks[b];
            var start = block.Start;
            var end = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Min(block.EndMinute, (24 * 60) - 1)));
            var outside = new Dictionary<DayWindow, List<Guid>>();
            foreach (var student in students[b])
            {
                var window = windowOf.GetValueOrDefault(student) ?? standard;
                if (window is not null && !window.Contains(start, end))
                {
                    if (!outside.TryGetValue(window, out var list))
                    {
                        list = [];
                        outside[window] = list;
                    }

                    list.Add(student);
                }
            }

            foreach (var (window, who) in outside)
            {
                clashes.Add(new Clash(
                    ClashKind.StudentOutsideWindow,
                    $"'{block.Title}' ({BlockTiming.Format(block.StartMinute)}–{BlockTiming.Format(block.EndMinute)}) runs outside " +
                    $"{window.Name} ({window.Start:HH\\:mm}–{window.End:HH\\:mm}), the window of {who.Count} student(s).",
                    [block.Id], who.OrderBy(g => g).ToList(), [], null, window.Id, null, block.StartMinute, block.EndMinute));
            }
        }
    }

    private static void OutsideShifts(TimetableSnapshot timetable, CycleDay[][] cycleDays, List<Clash> clashes)
    {
        var shifts = timetable.Shifts.GroupBy(s => s.StaffMemberId).ToDictionary(g => g.Key, g => g.ToList());
        for (var b = 0; b < timetable.Blocks.Count; b++)
        {
            var block = timetable.Blocks[b];
            foreach (var staff in block.StaffIds)
            {
                // Staff with no shifts recorded work the standard day: nothing to check.
                if (!shifts.TryGetValue(staff, out var theirs))
                {
                    continue;
                }

                var uncovered = cycleDays[b].Where(day => !theirs.Any(s =>
                    s.CycleDay == day
                    && BlockTiming.MinuteOfDay(s.Start) <= block.StartMinute
                    && BlockTiming.MinuteOfDay(s.End) >= block.EndMinute)).ToList();
                if (uncovered.Count > 0)
                {
                    clashes.Add(new Clash(
                        ClashKind.TeacherOutsideShift,
                        $"'{block.Title}' on {uncovered[0].Label(timetable.Year.CycleWeeks)} " +
                        $"{BlockTiming.Format(block.StartMinute)}–{BlockTiming.Format(block.EndMinute)} is outside a staff member's shift.",
                        [block.Id], [], [staff], null, null, uncovered[0], block.StartMinute, block.EndMinute));
                }
            }
        }
    }

    private static void WindowsOverCapacity(TimetableSnapshot timetable, List<Clash> clashes)
    {
        foreach (var window in timetable.Windows.Where(w => w.Capacity is { } c && w.PlacesTaken > c))
        {
            clashes.Add(new Clash(
                ClashKind.WindowOverCapacity,
                $"{window.Name} has {window.PlacesTaken} students in {window.Capacity} places.",
                [], [], [], null, window.Id, null, null, null));
        }
    }
}
