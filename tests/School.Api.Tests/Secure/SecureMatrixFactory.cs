using School.Api.Tests.Timetabling;
using M = School.Api.Tests.Mentoring.MatrixTargets;

namespace School.Api.Tests.Secure;

/// <summary>
/// The world the SECURE matrices share, made once through the API on this factory's own database: at each school a cycle
/// for Years 7–11 in the fortnight from Monday 28 September 2026 (periods at 14:00–14:40, inside both schools' standard
/// day); each matrix target requested into Maths and the first period allocated, so each has a place with the Maths
/// teacher (at Bridgemary the demo teacher); then the clock moves to 28 September 14:10 local, after the first period has
/// started (attendance can be recorded) and before the later ones (choosing is open).
/// </summary>
public sealed class SecureMatrixFactory : SchoolApiFactory
{
    public static readonly DateOnly Monday = new(2026, 9, 28);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SecureWorld? _world;

    public async Task<SecureWorld> WorldAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _world ??= await BuildAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<SecureWorld> BuildAsync()
    {
        var bridgemary = await SchoolAsync(Accounts.Admin, [M.Demo, M.Other], DemoData.BridgemaryTeacherId);
        var cramlington = await SchoolAsync(Accounts.CramlingtonAdmin, [M.Cram], null);
        this.MoveTo(new DateTimeOffset(Monday.ToDateTime(new TimeOnly(13, 10)), TimeSpan.Zero));
        return new SecureWorld(bridgemary.Cycle, cramlington.Cycle, bridgemary.Teachers, cramlington.Teachers);
    }

    private async Task<(JsonElement Cycle, List<OfferSpec> Teachers)> SchoolAsync(string adminAccount, string[] targets, Guid? mathsTeacher)
    {
        using var admin = await ClientFor(adminAccount);
        var offers = await OffersAsync(admin, mathsTeacher);
        var cycle = await admin.NewCycleAsync(Monday, [7, 8, 9, 10, 11], offers);
        var first = cycle.Period(0);
        foreach (var target in targets)
        {
            var asked = await admin.PostAsJsonAsync(
                SecureApi.Requests(cycle.Id(), first.Id()), new { studentId = M.IdOf(target), offerId = first.OfferId("Maths"), mode = "CatchUp" });
            await TimetableApi.AssertStatus(asked, HttpStatusCode.Created);
        }

        await admin.AllocateAsync(cycle.Id(), first.Id());
        return (cycle, offers);
    }

    /// <summary>Maths (with <paramref name="mathsTeacher"/>, else the school's first teacher who is not its admin), English, Science and Art.</summary>
    public static async Task<List<OfferSpec>> OffersAsync(HttpClient admin, Guid? mathsTeacher)
    {
        var teachers = (await admin.TeachersAsync()).Where(t => t != mathsTeacher && t != DemoData.CramlingtonAdminId).ToList();
        var maths = mathsTeacher ?? teachers[0];
        teachers.Remove(maths);
        return [new("Maths", maths, 10), new("English", teachers[0], 500), new("Science", teachers[1], 500), new("Art", teachers[2], 500)];
    }
}

/// <summary>Each school's shared cycle and the offers (with their teachers) a new cycle of that school can use.</summary>
public sealed record SecureWorld(JsonElement Bridgemary, JsonElement Cramlington, IReadOnlyList<OfferSpec> BridgemaryOffers, IReadOnlyList<OfferSpec> CramlingtonOffers)
{
    public JsonElement CycleOf(string target) => target == M.Cram ? Cramlington : Bridgemary;

    public IReadOnlyList<OfferSpec> OffersAt(bool cramlington) => cramlington ? CramlingtonOffers : BridgemaryOffers;
}
