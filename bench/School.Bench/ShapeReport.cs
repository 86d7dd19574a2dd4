using School.Domain.Staff;
using School.Domain.Timetabling;

namespace School.Bench;

/// <summary>The measured shape of a generated school, counted from the snapshot the detector reads.</summary>
/// <param name="Pupils">This school's pupils (partner-school pupils in the joint project not included).</param>
/// <param name="Blocks">Learning blocks.</param>
/// <param name="BlockDays">Blocks times the cycle days each falls on.</param>
/// <param name="Slots">Entries the detector sorts and sweeps: per block-day, one per pupil, member of staff and room.</param>
/// <param name="PerPupilFortnight">Block-days per pupil over the fortnight, sorted.</param>
internal sealed record Shape(int Pupils, int Blocks, int BlockDays, long Slots, int[] PerPupilFortnight);

internal static class ShapeReport
{
    public static Shape Measure(GeneratedSchool school)
    {
        var snapshot = school.Snapshot;
        var perPupil = school.Students.ToDictionary(s => s.Id, _ => 0);
        var blockDays = 0;
        long slots = 0;
        foreach (var block in snapshot.Blocks)
        {
            var days = block.CycleDays(snapshot.Year).Count();
            var students = TimetableClashDetector.StudentsOf(block, snapshot.GroupMembers);
            blockDays += days;
            slots += (long)days * (students.Count + block.StaffIds.Count + (block.RoomId is null ? 0 : 1));
            foreach (var student in students.Where(perPupil.ContainsKey))
            {
                perPupil[student] += days;
            }
        }

        return new Shape(school.Students.Count, snapshot.Blocks.Count, blockDays, slots, [.. perPupil.Values.Order()]);
    }

    public static void Print(GeneratedSchool school, Shape shape)
    {
        var snapshot = school.Snapshot;
        var year = snapshot.Year;
        Out.Line($"Generated school — academic year {year.Name}, {year.HalfTerms.Count} half terms {year.Start:yyyy-MM-dd} to {year.End:yyyy-MM-dd}, {year.CycleWeeks}-week cycle");
        Out.Line($"  pupils            {shape.Pupils:N0}: {string.Join(", ", school.Students.GroupBy(s => s.YearGroup).OrderBy(g => g.Key).Select(g => $"Y{g.Key} {g.Count()}"))}");

        var shifted = snapshot.Shifts.Select(s => s.StaffMemberId).ToHashSet();
        var staff = school.Staff;
        Out.Line($"  staff             {staff.Count}: {staff.Count(s => s.HasRole(StaffRoles.Teacher) && !shifted.Contains(s.Id))} teachers on the standard day, " +
            $"{shifted.Count} on an early shift ({snapshot.Shifts.Count} shifts), {staff.Count(s => s.HasRole(StaffRoles.TeachingAssistant))} teaching assistants, " +
            $"{staff.Count(s => s.HasRole(StaffRoles.PastoralLead))} pastoral leads, {staff.Count(s => s.HasRole(StaffRoles.SchoolAdmin))} admins");

        var rooms = snapshot.Rooms.Values.ToList();
        Out.Line($"  rooms             {rooms.Count}: {rooms.Count(r => !r.IsOffSite && r.Capacity == 30)} of capacity 30, " +
            $"{rooms.Count(r => !r.IsOffSite && r.Capacity > 30)} larger ({string.Join(", ", rooms.Where(r => !r.IsOffSite && r.Capacity > 30).Select(r => $"{r.Name} {r.Capacity}"))}), " +
            $"{rooms.Count(r => !r.IsOffSite && r.Capacity < 30)} smaller, {rooms.Count(r => r.IsOffSite)} off site ({string.Join(", ", rooms.Where(r => r.IsOffSite).Select(r => r.Setting))})");

        var yearOf = school.Students.ToDictionary(s => s.Id, s => s.YearGroup);
        var groups = school.Groups;
        var mixed = groups.Count(g => g.StudentIds.Select(id => yearOf[id]).Distinct().Count() > 1);
        var sizes = groups.Where(g => g.Kind != GroupKind.TutorGroup).Select(g => g.StudentIds.Count).ToList();
        Out.Line($"  teaching groups   {groups.Count}: {string.Join(", ", groups.GroupBy(g => g.Kind).Select(g => $"{g.Count()} {g.Key}"))}; {mixed} mix year groups; " +
            $"class sizes {sizes.Min()}–{sizes.Max()}");
        foreach (var subject in new[] { "English", "Maths", "Science" })
        {
            var sets = groups.Where(g => g.Kind == GroupKind.AbilitySet && g.Subject == subject).ToList();
            Out.Line($"    {subject,-8} sets  {sets.Count} ({string.Join(", ", sets.GroupBy(g => g.Name[..g.Name.IndexOf(' ', StringComparison.Ordinal)]).Select(g => $"{g.Key}: {g.Count()}"))})");
        }

        var tutorSizes = groups.Where(g => g.Kind == GroupKind.TutorGroup).Select(g => g.StudentIds.Count).ToList();
        Out.Line($"    tutor groups  {tutorSizes.Count} vertical (Years 7–11 together), {tutorSizes.Min()}–{tutorSizes.Max()} pupils");

        var blocks = snapshot.Blocks;
        Out.Line($"  learning blocks   {blocks.Count:N0}: {string.Join(", ", blocks.GroupBy(b => b.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"))}");
        Out.Line($"    lengths (min)   {string.Join(", ", blocks.GroupBy(b => b.DurationMinutes).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}");
        Out.Line($"    repeat          {blocks.Count(b => !b.IsDated && b.CycleWeek is null)} every week, {blocks.Count(b => b.CycleWeek == 1)} week A only, " +
            $"{blocks.Count(b => b.CycleWeek == 2)} week B only, {blocks.Count(b => b.IsDated)} dated ({string.Join("; ", blocks.Where(b => b.IsDated).Select(b => $"{b.Title} {b.FromDate:yyyy-MM-dd}–{b.ToDate:yyyy-MM-dd}"))})");
        Out.Line($"    staff per block {string.Join(", ", blocks.GroupBy(b => b.StaffIds.Count).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}; " +
            $"every block has a room: {blocks.All(b => b.RoomId is not null)}");

        // Contact time: minutes in blocks over the fortnight, for the teachers on the standard day.
        var minutes = new Dictionary<Guid, int>();
        foreach (var block in blocks)
        {
            var days = block.CycleDays(year).Count();
            foreach (var id in block.StaffIds)
            {
                minutes[id] = minutes.GetValueOrDefault(id) + (days * block.DurationMinutes);
            }
        }

        var load = staff.Where(s => s.HasRole(StaffRoles.Teacher) && !shifted.Contains(s.Id)).Select(s => minutes.GetValueOrDefault(s.Id) / 60.0).Order().ToList();
        Out.Line($"    teachers        {load[0]:F1}–{load[^1]:F1} h of contact per fortnight (median {load[load.Count / 2]:F1} h; a fortnight holds 53.3 h of lessons and 3.3 h of tutor time); " +
            $"{school.SplitTeachingUnits} of {school.TeachingUnits} group-subject units share lessons between teachers");

        var per = shape.PerPupilFortnight;
        Out.Line($"  blocks per pupil  per fortnight min {per[0]}, median {per[per.Length / 2]}, max {per[^1]} (per week ≈ {per[0] / 2.0:F0}–{per[^1] / 2.0:F0})");
        var elsewhere = snapshot.Windows.Where(w => !w.IsDefault).Sum(w => w.PlacesTaken);
        foreach (var window in snapshot.Windows)
        {
            var who = window.IsDefault
                ? $"the default: every pupil not approved into another window ({shape.Pupils - elsewhere:N0})"
                : $"{window.Capacity} places for Year{(window.YearGroups.Count > 1 ? "s" : "")} {string.Join("/", window.YearGroups)}, " +
                    $"{window.PlacesTaken} approved, {window.Enrolments.Count - window.PlacesTaken} requested";
            Out.Line($"  window            {window.Name} {window.Start:HH\\:mm}–{window.End:HH\\:mm}: {who}");
        }

        Out.Line($"  seeded clashes    {school.SeededClashes.Values.Sum()}: {string.Join(", ", school.SeededClashes.Select(k => k.Key))}");
    }
}
