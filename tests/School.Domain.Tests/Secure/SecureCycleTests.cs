using School.Domain.Common;
using School.Domain.Secure;
using School.Domain.Tests.Timetabling;

namespace School.Domain.Tests.Secure;

public class SecureCycleTests
{
    [Fact]
    public void Create_FourPeriodsGivenOutOfOrder_KeepsThemInTimeOrder_WithTheirOffersInTheOrderGiven()
    {
        var result = S.Create([S.Period(9), S.Period(0), S.Period(7), S.Period(2)]);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var cycle = result.Value;
        Assert.Equal([1, 2, 3, 4], cycle.Periods.Select(p => p.Sequence));
        Assert.Equal([S.Monday, S.Monday.AddDays(2), S.Monday.AddDays(7), S.Monday.AddDays(9)], cycle.Periods.Select(p => p.Date));
        Assert.All(cycle.Periods, p => Assert.Equal(["Maths", "English", "Science"], p.Offers.Select(o => o.Subject)));
        Assert.All(cycle.Periods, p => Assert.Equal(SecurePeriodStatus.Open, p.Status));
        Assert.Equal(S.Monday.AddDays(13), cycle.FortnightEnd);
    }

    [Fact]
    public void Create_NotOnAMonday_IsAValidationErrorNamingFortnightStart()
    {
        var result = S.Create(monday: S.Monday.AddDays(1));

        AssertValidation(result, "fortnightStart");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Create_OtherThanFourPeriods_IsAValidationErrorNamingPeriods(int count)
    {
        var result = S.Create(Enumerable.Range(0, count).Select(i => S.Period(i % 5, start: $"{10 + i}:00")).ToList());

        AssertValidation(result, "periods");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(14)]
    public void Create_APeriodOutsideTheFortnightOrAtAWeekend_IsAValidationErrorNamingItsDate(int day)
    {
        var result = S.Create([S.Period(0), S.Period(day), S.Period(7), S.Period(9)]);

        AssertValidation(result, "periods[1].date");
    }

    [Fact]
    public void Create_APeriodOnTheInsetDay_IsNotASchoolDay()
    {
        var result = S.Create([S.Period(0), S.Period(2), S.Period(7), S.Period(11)]);

        Assert.Equal(T.InsetDay, S.Monday.AddDays(11));
        AssertValidation(result, "periods[3].date");
        Assert.Contains("not a school day", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoPeriodsOverlapping_IsAValidationErrorNamingPeriods()
    {
        var result = S.Create([S.Period(0, "14:50"), S.Period(0, "15:00"), S.Period(7), S.Period(9)]);

        AssertValidation(result, "periods");
        Assert.Contains("Periods 1 and 2 overlap", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoPeriodsBackToBackOnOneDay_IsFine()
    {
        var result = S.Create([S.Period(0, "14:00", 40), S.Period(0, "14:40", 40), S.Period(7), S.Period(9)]);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public void Create_ANegativeCapacity_IsAValidationErrorNamingTheOffersCapacity()
    {
        var result = S.Create([S.Period(0), S.Period(2, offers: [S.Offer("Maths"), S.Offer("Art", capacity: -1)]), S.Period(7), S.Period(9)]);

        AssertValidation(result, "periods[1].offers[1].capacity");
    }

    [Fact]
    public void Create_ACapacityOfZero_IsAllowed()
    {
        var result = S.Create([S.Period(0, offers: [S.Offer("Maths", capacity: 0)]), S.Period(2), S.Period(7), S.Period(9)]);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(0, result.Value.Periods[0].Offers[0].Capacity);
    }

    [Fact]
    public void Create_NoOffers_IsAValidationErrorNamingOffers()
    {
        var result = S.Create([S.Period(0, offers: []), S.Period(2), S.Period(7), S.Period(9)]);

        AssertValidation(result, "periods[0].offers");
    }

    [Fact]
    public void Create_OneTeacherTwiceInAPeriod_IsAConflict()
    {
        var teacher = A.Id();

        var result = S.Create([S.Period(0), S.Period(2), S.Period(7, offers: [S.Offer("Maths", teacherId: teacher), S.Offer("Art", teacherId: teacher)]), S.Period(9)]);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("secure.teacher_double_booked", result.Error?.Code);
    }

    [Fact]
    public void Create_OneTeacherInEveryPeriod_IsFine()
    {
        var teacher = A.Id();
        SecurePeriodDetails Taught(int day) => S.Period(day, offers: [S.Offer("Maths", teacherId: teacher)]);

        var result = S.Create([Taught(0), Taught(2), Taught(7), Taught(9)]);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public void Create_OneRoomTwiceInAPeriod_IsAConflict()
    {
        var room = A.Id();

        var result = S.Create([S.Period(0, offers: [S.Offer("Maths", roomId: room), S.Offer("Art", roomId: room)]), S.Period(2), S.Period(7), S.Period(9)]);

        Assert.Equal("secure.room_double_booked", result.Error?.Code);
    }

    [Fact]
    public void Create_NoYearGroups_IsAValidationErrorNamingYearGroups()
    {
        var result = S.Create(yearGroups: []);

        AssertValidation(result, "yearGroups");
    }

    [Fact]
    public void CheckChoices_ThreeDifferentOffers_IsFine()
    {
        var period = S.Cycle().Periods[0];

        var result = period.CheckChoices(period.Offers.Select(o => new SecureChoiceItem(o.Id, SecureMode.Stretch)).ToList());

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void CheckChoices_TheSameOfferTwice_EvenWithAnotherMode_IsADuplicate()
    {
        var period = S.Cycle().Periods[0];
        var maths = period.Offers[0].Id;

        var result = period.CheckChoices([new(maths, SecureMode.Stretch), new(maths, SecureMode.CatchUp)]);

        AssertValidation(result, "choices");
        Assert.Contains("once", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckChoices_NoneOrMoreThanThree_IsAValidationError()
    {
        var period = S.Cycle(offers: 4).Periods[0];

        AssertValidation(period.CheckChoices([]), "choices");
        AssertValidation(period.CheckChoices(period.Offers.Select(o => new SecureChoiceItem(o.Id, SecureMode.Reinforce)).ToList()), "choices");
    }

    [Fact]
    public void CheckChoices_AnOfferOfAnotherPeriod_IsAValidationError()
    {
        var cycle = S.Cycle();

        var result = cycle.Periods[0].CheckChoices([new(cycle.Periods[1].Offers[0].Id, SecureMode.Consolidate)]);

        AssertValidation(result, "choices");
    }

    [Fact]
    public void TakesChoices_UntilTheDayBefore_ThenClosed()
    {
        var period = S.Cycle().Periods[0];

        Assert.True(period.TakesChoices(period.Date.AddDays(-1)).IsSuccess);
        Assert.Equal(SecureErrors.ChoosingClosed, period.TakesChoices(period.Date).Error);
        Assert.Equal(SecureErrors.ChoosingClosed, period.TakesChoices(period.Date.AddDays(3)).Error);
    }

    [Fact]
    public void TakesChoices_OnceAllocated_IsAConflict_UntilReopened()
    {
        var cycle = S.Cycle();
        var period = cycle.Periods[0];

        Assert.True(cycle.Allocate(period.Id, S.Now, attendanceRecorded: false).IsSuccess);
        var closed = period.TakesChoices(S.Today);
        Assert.True(cycle.Reopen(period.Id, attendanceRecorded: false).IsSuccess);

        Assert.Equal(SecureErrors.PeriodAllocated, closed.Error);
        Assert.True(period.TakesChoices(S.Today).IsSuccess);
        Assert.Null(period.AllocatedAt);
    }

    [Fact]
    public void Allocate_Again_IsAllowed_UntilAttendanceIsRecorded()
    {
        var cycle = S.Cycle();
        var period = cycle.Periods[1];
        var version = cycle.Version;

        Assert.True(cycle.Allocate(period.Id, S.Now, attendanceRecorded: false).IsSuccess);
        Assert.True(cycle.Allocate(period.Id, S.Now.AddHours(1), attendanceRecorded: false).IsSuccess);
        var held = cycle.Allocate(period.Id, S.Now.AddHours(2), attendanceRecorded: true);

        Assert.Equal(SecureErrors.PeriodHeld, held.Error);
        Assert.Equal(SecurePeriodStatus.Allocated, period.Status);
        Assert.Equal(S.Now.AddHours(1), period.AllocatedAt);
        Assert.Equal(version + 2, cycle.Version);
    }

    [Fact]
    public void Reopen_AnOpenPeriod_IsAConflict_AndAHeldOneCannotBeReopened()
    {
        var cycle = S.Cycle();
        var period = cycle.Periods[0];

        Assert.Equal(SecureErrors.NotAllocated, cycle.Reopen(period.Id, attendanceRecorded: false).Error);
        cycle.Allocate(period.Id, S.Now, attendanceRecorded: false);
        Assert.Equal(SecureErrors.PeriodHeld, cycle.Reopen(period.Id, attendanceRecorded: true).Error);
    }

    [Fact]
    public void CheckRequest_WithinTheOffersPlaces_IsFine_ButNotBeyond()
    {
        var period = S.Cycle(capacity: 2).Periods[0];
        var maths = period.Offers[0].Id;

        Assert.True(period.CheckRequest(maths, SecureMode.CatchUp, requestedAlready: 1).IsSuccess);
        var full = period.CheckRequest(maths, SecureMode.CatchUp, requestedAlready: 2);

        Assert.Equal(ErrorKind.Conflict, full.Error?.Kind);
        Assert.Equal("secure.offer_requested_full", full.Error?.Code);
        AssertValidation(period.CheckRequest(A.Id(), SecureMode.CatchUp, 0), "offerId");
    }

    [Fact]
    public void FitsWithin_TheStandardDay_ButNotTheEarlyWindow()
    {
        var period = S.Cycle().Periods[0];

        Assert.True(period.FitsWithin(T.Time("08:30"), T.Time("15:30")));
        Assert.False(period.FitsWithin(T.Time("07:30"), T.Time("13:00")));
        Assert.True(period.FitsWithin(T.Time("14:50"), T.Time("15:30")));
        Assert.False(period.FitsWithin(T.Time("14:55"), T.Time("16:00")));
    }

    private static void AssertValidation(Result result, string field)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(field, result.Error.Field);
    }
}
