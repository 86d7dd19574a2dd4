using School.Domain.Common;
using School.Domain.Secure;

namespace School.Domain.Tests.Secure;

public class SecureChoiceTests
{
    private readonly SecureCycle _cycle = S.Cycle();

    private SecurePeriod First => _cycle.Periods[0];

    [Fact]
    public void Make_RecordsTheRankedChoices_WhoChoseAndWhen()
    {
        var student = A.Id();
        List<SecureChoiceItem> ranked = [new(First.Offers[2].Id, SecureMode.CatchUp), new(First.Offers[0].Id, SecureMode.Stretch)];

        var choice = SecureChoice.Make(A.Id(), _cycle, First, student, ranked, student, S.Now, S.Today).Value;

        Assert.Equal(ranked, choice.Choices);
        Assert.Equal(First.Id, choice.PeriodId);
        Assert.Equal(_cycle.Id, choice.CycleId);
        Assert.Equal(_cycle.SchoolId, choice.SchoolId);
        Assert.Equal(student, choice.ChosenBy);
        Assert.Equal(1u, choice.Version);
    }

    [Fact]
    public void Replace_ChangesTheRanking_AndTheVersion()
    {
        var student = A.Id();
        var parent = A.Id();
        var choice = SecureChoice.Make(A.Id(), _cycle, First, student, [new(First.Offers[0].Id, SecureMode.Stretch)], student, S.Now, S.Today).Value;

        var result = choice.Replace(First, [new(First.Offers[1].Id, SecureMode.Reinforce)], parent, S.Now.AddDays(1), S.Today.AddDays(1));

        Assert.True(result.IsSuccess);
        Assert.Equal([new SecureChoiceItem(First.Offers[1].Id, SecureMode.Reinforce)], choice.Choices);
        Assert.Equal(parent, choice.ChosenBy);
        Assert.Equal(2u, choice.Version);
    }

    [Fact]
    public void Replace_WithADuplicate_LeavesTheEarlierChoicesAlone()
    {
        var student = A.Id();
        var maths = First.Offers[0].Id;
        var choice = SecureChoice.Make(A.Id(), _cycle, First, student, [new(maths, SecureMode.Stretch)], student, S.Now, S.Today).Value;

        var result = choice.Replace(First, [new(maths, SecureMode.Stretch), new(maths, SecureMode.Consolidate)], student, S.Now, S.Today);

        Assert.Equal("choices", result.Error?.Field);
        Assert.Equal([new SecureChoiceItem(maths, SecureMode.Stretch)], choice.Choices);
        Assert.Equal(1u, choice.Version);
    }

    [Fact]
    public void Make_OnThePeriodsDay_IsClosed()
    {
        var result = SecureChoice.Make(A.Id(), _cycle, First, A.Id(), [new(First.Offers[0].Id, SecureMode.Stretch)], A.Id(), S.Now, First.Date);

        Assert.Equal(SecureErrors.ChoosingClosed, result.Error);
    }

    [Fact]
    public void Request_WithinPlaces_IsMade_AndItsAuthorMayChangeIt()
    {
        var teacher = A.Id();
        var request = SecureRequest.Make(A.Id(), _cycle, First, A.Id(), First.Offers[0].Id, SecureMode.CatchUp, "  Missed algebra  ", teacher, 0, S.Now, S.Today).Value;

        var changed = request.Change(First, First.Offers[1].Id, SecureMode.Reinforce, null, 0, S.Now.AddHours(1), S.Today);

        Assert.True(changed.IsSuccess);
        Assert.Equal(First.Offers[1].Id, request.OfferId);
        Assert.Equal(SecureMode.Reinforce, request.Mode);
        Assert.Null(request.Reason);
        Assert.Equal(teacher, request.RequestedBy);
    }

    [Fact]
    public void Request_BeyondTheOffersPlaces_IsAConflict()
    {
        var cycle = S.Cycle(capacity: 1);
        var period = cycle.Periods[0];

        var result = SecureRequest.Make(A.Id(), cycle, period, A.Id(), period.Offers[0].Id, SecureMode.CatchUp, null, A.Id(), 1, S.Now, S.Today);

        Assert.Equal("secure.offer_requested_full", result.Error?.Code);
    }

    [Fact]
    public void Attendance_BeforeThePeriodStarts_IsAConflict_AfterwardsRecorded_AndCorrectable()
    {
        var placement = SecurePlacement.Place(A.Id(), _cycle, First, A.Id(), First.Offers[0].Id, SecureMode.Stretch, PlacementSource.Choice, 1, "Placed with their first choice", S.Now);
        var startsAt = new DateTimeOffset(First.Date.ToDateTime(First.Start), TimeSpan.Zero);
        var teacher = A.Id();

        var early = placement.RecordAttendance(true, teacher, startsAt.AddMinutes(-1), startsAt);
        Assert.Equal(SecureErrors.NotStarted, early.Error);
        Assert.Null(placement.Present);

        Assert.True(placement.RecordAttendance(false, teacher, startsAt.AddMinutes(5), startsAt).IsSuccess);
        Assert.True(placement.RecordAttendance(true, teacher, startsAt.AddMinutes(10), startsAt).IsSuccess);
        Assert.True(placement.Present);
        Assert.Equal(startsAt.AddMinutes(10), placement.AttendanceRecordedAt);
        Assert.Equal(teacher, placement.AttendanceRecordedBy);
    }

    [Fact]
    public void Place_WhereThereWasRoom_HasNoMode_AndAChoiceHasItsRank()
    {
        Assert.Throws<ArgumentException>(() =>
            SecurePlacement.Place(A.Id(), _cycle, First, A.Id(), First.Offers[0].Id, SecureMode.Stretch, PlacementSource.Room, null, "Room", S.Now));
        Assert.Throws<ArgumentException>(() =>
            SecurePlacement.Place(A.Id(), _cycle, First, A.Id(), First.Offers[0].Id, SecureMode.Stretch, PlacementSource.Choice, null, "Choice", S.Now));
        Assert.Throws<ArgumentException>(() =>
            SecurePlacement.Place(A.Id(), _cycle, First, A.Id(), A.Id(), SecureMode.Stretch, PlacementSource.Request, null, "Request", S.Now));
        var room = SecurePlacement.Place(A.Id(), _cycle, First, A.Id(), First.Offers[0].Id, null, PlacementSource.Room, null, "Room", S.Now);
        Assert.Null(room.Mode);
    }
}
