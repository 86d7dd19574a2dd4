using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Models;
using School.Domain.Common;
using School.Domain.Secure;
using School.Domain.Timetabling;

namespace School.Application.Secure;

/// <summary>Loading SECURE data and describing it, shared by the SECURE use cases and the personal timetable.</summary>
internal static class SecureData
{
    /// <summary>A cycle of the school, or null: another school's cycle is as unknown as one that does not exist.</summary>
    public static Task<SecureCycle?> CycleAsync(this IApplicationDbContext db, Guid cycleId, Guid schoolId, bool track, CancellationToken ct)
    {
        var cycles = track ? db.SecureCycles : db.SecureCycles.AsNoTracking();
        return cycles.SingleOrDefaultAsync(c => c.Id == cycleId && c.SchoolId == schoolId, ct);
    }

    /// <summary>The cycle and one of its periods, or not found (naming whichever is missing).</summary>
    public static async Task<Result<(SecureCycle Cycle, SecurePeriod Period)>> PeriodAsync(
        this IApplicationDbContext db, Guid cycleId, Guid periodId, Guid schoolId, bool track, CancellationToken ct)
    {
        var cycle = await db.CycleAsync(cycleId, schoolId, track, ct);
        if (cycle is null)
        {
            return Error.NotFound("SECURE cycle");
        }

        return cycle.Period(periodId) is { } period ? (cycle, period) : Error.NotFound("SECURE period");
    }

    /// <summary>Each student's day window: the one holding their approved place, else the school's standard day.</summary>
    public static async Task<Func<Guid, DayWindow?>> WindowsAsync(this IApplicationDbContext db, Guid schoolId, CancellationToken ct)
    {
        var windows = await db.DayWindows.AsNoTracking().Where(w => w.SchoolId == schoolId).ToListAsync(ct);
        var byStudent = windows
            .SelectMany(w => w.Enrolments.Where(e => e.Status == EnrolmentStatus.Approved).Select(e => (e.StudentId, Window: w)))
            .GroupBy(x => x.StudentId)
            .ToDictionary(g => g.Key, g => g.First().Window);
        var standard = windows.FirstOrDefault(w => w.IsDefault);
        return studentId => byStudent.GetValueOrDefault(studentId) ?? standard;
    }

    public static string Describe(this DayWindow window) => $"{window.Name} {window.Start:HH\\:mm}–{window.End:HH\\:mm}";

    /// <summary>
    /// Rules for taking part in a period: the student is in one of the cycle's year groups, and the period lies inside
    /// their day window (a student in the early window is not timetabled after it ends).
    /// </summary>
    public static async Task<Result> EligibleAsync(this IApplicationDbContext db, SecureCycle cycle, SecurePeriod period, Guid studentId, CancellationToken ct)
    {
        var yearGroup = await db.Students.Where(s => s.Id == studentId).Select(s => s.YearGroup).SingleAsync(ct);
        if (!cycle.IsFor(yearGroup))
        {
            return SecureErrors.NotEligible;
        }

        var window = (await db.WindowsAsync(cycle.SchoolId, ct))(studentId);
        return window is null || period.FitsWithin(window.Start, window.End) ? Result.Success() : SecureErrors.OutsideWindow(window.Describe());
    }

    public static async Task<Dictionary<Guid, PersonRef>> StaffAsync(this IApplicationDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => list.Contains(s.Id)).ToListAsync(ct);
        return staff.ToDictionary(s => s.Id, s => new PersonRef(s.Id, s.DisplayName));
    }

    public static async Task<Dictionary<Guid, SecureRoomDto>> RoomsAsync(this IApplicationDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
        return await db.Rooms.AsNoTracking().Where(r => list.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => new SecureRoomDto(r.Id, r.Name), ct);
    }

    /// <summary>The offers of a cycle by id, with their period, teachers and rooms, ready to describe choices and placements.</summary>
    public static async Task<OfferBook> OfferBookAsync(this IApplicationDbContext db, IReadOnlyCollection<SecureCycle> cycles, CancellationToken ct)
    {
        var offers = cycles.SelectMany(c => c.Periods).SelectMany(p => p.Offers).ToList();
        return new OfferBook(
            offers.ToDictionary(o => o.Id),
            await db.StaffAsync(offers.Select(o => o.TeacherId), ct),
            await db.RoomsAsync(offers.Select(o => o.RoomId), ct));
    }

    public static string Time(int minuteOfDay) => BlockTiming.Format(minuteOfDay);

    public static IReadOnlyList<SecureChoiceDto> Describe(this OfferBook book, IReadOnlyList<SecureChoiceItem> choices) =>
        choices.Select((c, i) => new SecureChoiceDto(i + 1, c.OfferId, book.Offers.TryGetValue(c.OfferId, out var o) ? o.Subject : "(unknown)", c.Mode)).ToList();

    public static SecureChoicesDto Describe(this OfferBook book, SecureChoice choice) =>
        new(choice.StudentId, choice.PeriodId, book.Describe(choice.Choices), choice.ChosenBy, choice.ChosenAt, choice.Version);

    public static SecurePlacementDto Describe(this OfferBook book, SecurePlacement p)
    {
        var offer = book.Offers[p.OfferId];
        return new SecurePlacementDto(
            p.Id, p.StudentId, p.PeriodId, p.OfferId, offer.Subject, p.Mode, book.Teacher(offer), book.Room(offer), p.Source, p.Rank, p.Reason,
            p.Present, p.AttendanceRecordedAt);
    }

    public static SecureRequestDto Describe(this OfferBook book, SecureRequest r, PersonRef requestedBy) =>
        new(r.Id, r.StudentId, r.PeriodId, r.OfferId, book.Offers.TryGetValue(r.OfferId, out var o) ? o.Subject : "(unknown)", r.Mode, requestedBy, r.Reason, r.RequestedAt);

    /// <summary>The cycle with each offer's places: requested, chosen first, placed and left.</summary>
    public static async Task<SecureCycleDto> CycleDtoAsync(this IApplicationDbContext db, SecureCycle cycle, CancellationToken ct)
    {
        var book = await db.OfferBookAsync([cycle], ct);
        var requested = await db.SecureRequests.AsNoTracking().Where(r => r.CycleId == cycle.Id)
            .GroupBy(r => r.OfferId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var placed = await db.SecurePlacements.AsNoTracking().Where(p => p.CycleId == cycle.Id)
            .GroupBy(p => p.OfferId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var firstChoices = (await db.SecureChoices.AsNoTracking().Where(c => c.CycleId == cycle.Id).ToListAsync(ct))
            .Where(c => c.Choices.Count > 0)
            .GroupBy(c => c.Choices[0].OfferId)
            .ToDictionary(g => g.Key, g => g.Count());

        return new SecureCycleDto(
            cycle.Id, cycle.Name, cycle.FortnightStart, cycle.FortnightEnd, cycle.YearGroups,
            cycle.Periods.OrderBy(p => p.Sequence).Select(p => new SecurePeriodDto(
                p.Id, p.Sequence, p.Label, p.LearningBlockId, p.Date, Time(p.StartMinute), Time(p.EndMinute), p.Status, p.AllocatedAt,
                p.Offers.Select(o =>
                {
                    var taken = p.Status == SecurePeriodStatus.Allocated ? placed.GetValueOrDefault(o.Id) : requested.GetValueOrDefault(o.Id);
                    return new SecureOfferDto(
                        o.Id, o.Subject, book.Teacher(o), book.Room(o), o.Capacity, requested.GetValueOrDefault(o.Id), firstChoices.GetValueOrDefault(o.Id),
                        placed.GetValueOrDefault(o.Id), Math.Max(0, o.Capacity - taken));
                }).ToList())).ToList(),
            cycle.Version);
    }
}

/// <summary>Offers by id with the names of their teachers and rooms.</summary>
internal sealed record OfferBook(IReadOnlyDictionary<Guid, SecureOffer> Offers, IReadOnlyDictionary<Guid, PersonRef> Teachers, IReadOnlyDictionary<Guid, SecureRoomDto> Rooms)
{
    public PersonRef Teacher(SecureOffer offer) => Teachers.GetValueOrDefault(offer.TeacherId) ?? new PersonRef(offer.TeacherId, "(unknown)");

    public SecureRoomDto? Room(SecureOffer offer) => offer.RoomId is { } id ? Rooms.GetValueOrDefault(id) : null;
}
