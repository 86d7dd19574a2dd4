using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Domain.Tests.Timetabling;

public class DayWindowTests
{
    private readonly Guid _schoolId = A.SchoolId();

    [Fact]
    public void Enrol_ApprovedByAnAdmin_TakesAPlace()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 2);
        var student = T.Student(_schoolId);

        var result = window.Enrol(student, approve: true, T.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(student.Id, result.Value.StudentId);
        Assert.Equal(EnrolmentStatus.Approved, result.Value.Status);
        Assert.Equal(T.Now, result.Value.ApprovedAt);
        Assert.Equal(1, window.PlacesTaken);
        Assert.Equal(1, window.PlacesLeft);
        Assert.False(window.IsFull);
    }

    [Fact]
    public void Enrol_CapacityReached_FailsAsFullAndTakesNoPlace()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 2);
        Assert.True(window.Enrol(T.Student(_schoolId), approve: true, T.Now).IsSuccess);
        Assert.True(window.Enrol(T.Student(_schoolId), approve: true, T.Now).IsSuccess);

        var result = window.Enrol(T.Student(_schoolId), approve: true, T.Now);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("window.full", result.Error?.Code);
        Assert.Contains("full", result.Error?.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(window.IsFull);
        Assert.Equal(0, window.PlacesLeft);
        Assert.Equal(2, window.Enrolments.Count);
    }

    [Fact]
    public void Withdraw_ApprovedStudent_FreesThePlaceForTheNextStudent()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 1);
        var leaving = T.Student(_schoolId);
        window.Enrol(leaving, approve: true, T.Now);

        var withdrawn = window.Withdraw(leaving.Id);
        var next = window.Enrol(T.Student(_schoolId), approve: true, T.Now);

        Assert.True(withdrawn.IsSuccess);
        Assert.True(next.IsSuccess);
        Assert.Equal(1, window.PlacesTaken);
        Assert.DoesNotContain(window.Enrolments, e => e.StudentId == leaving.Id);
    }

    [Fact]
    public void Withdraw_StudentNotInTheWindow_FailsNotFound()
    {
        var window = T.EarlyWindow(_schoolId);

        var result = window.Withdraw(A.Id());

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public void Enrol_RequestWithoutAutoApprove_IsRequestedAndTakesNoPlace()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 1, autoApprove: false);

        var result = window.Enrol(T.Student(_schoolId), approve: false, T.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(EnrolmentStatus.Requested, result.Value.Status);
        Assert.Null(result.Value.ApprovedAt);
        Assert.Equal(0, window.PlacesTaken);
        Assert.Equal(1, window.PlacesLeft);
    }

    [Fact]
    public void Approve_RequestedStudent_TakesAPlace()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 1);
        var student = T.Student(_schoolId);
        window.Enrol(student, approve: false, T.Now);
        var later = T.Now.AddDays(2);

        var result = window.Approve(student.Id, later);

        Assert.True(result.IsSuccess);
        Assert.Equal(EnrolmentStatus.Approved, result.Value.Status);
        Assert.Equal(later, result.Value.ApprovedAt);
        Assert.Equal(1, window.PlacesTaken);
        Assert.True(window.IsFull);
    }

    [Fact]
    public void Approve_WindowFilledSinceTheRequest_FailsAsFullAndLeavesTheRequestWaiting()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 1);
        var waiting = T.Student(_schoolId);
        window.Enrol(waiting, approve: false, T.Now);
        window.Enrol(T.Student(_schoolId), approve: true, T.Now);

        var result = window.Approve(waiting.Id, T.Now);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("window.full", result.Error?.Code);
        Assert.Equal(EnrolmentStatus.Requested, Assert.Single(window.Enrolments, e => e.StudentId == waiting.Id).Status);
        Assert.Equal(1, window.PlacesTaken);
    }

    [Fact]
    public void Approve_NoRequestFromTheStudent_FailsNotFound()
    {
        var window = T.EarlyWindow(_schoolId);

        var result = window.Approve(A.Id(), T.Now);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public void Enrol_RequestToAutoApproveWindowWithPlaces_IsApprovedAtOnce()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 2, autoApprove: true);

        var result = window.Enrol(T.Student(_schoolId), approve: false, T.Now);

        Assert.Equal(EnrolmentStatus.Approved, result.Value.Status);
        Assert.Equal(1, window.PlacesTaken);
    }

    [Fact]
    public void Enrol_RequestToFullAutoApproveWindow_FailsAsFull()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 1, autoApprove: true);
        window.Enrol(T.Student(_schoolId), approve: false, T.Now);

        var result = window.Enrol(T.Student(_schoolId), approve: false, T.Now);

        Assert.Equal("window.full", result.Error?.Code);
        Assert.Equal(1, window.PlacesTaken);
        Assert.Single(window.Enrolments);
    }

    [Fact]
    public void Enrol_YearGroupTheWindowIsNotOpenTo_Fails()
    {
        var window = T.EarlyWindow(_schoolId, yearGroups: [10, 11]);

        var result = window.Enrol(T.Student(_schoolId, yearGroup: 9), approve: true, T.Now);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("window.not_open_to_year", result.Error?.Code);
        Assert.Contains("Year 9", result.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(window.Enrolments);
    }

    [Fact]
    public void Enrol_WindowWithNoYearGroups_IsOpenToEveryYear()
    {
        var window = T.EarlyWindow(_schoolId, yearGroups: []);

        var result = window.Enrol(T.Student(_schoolId, yearGroup: 7), approve: true, T.Now);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Enrol_SameStudentTwice_FailsAndKeepsOnePlace()
    {
        var window = T.EarlyWindow(_schoolId);
        var student = T.Student(_schoolId);
        window.Enrol(student, approve: true, T.Now);

        var result = window.Enrol(student, approve: true, T.Now);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("window.already_enrolled", result.Error?.Code);
        Assert.Equal(1, window.PlacesTaken);
    }

    [Fact]
    public void Enrol_IntoTheDefaultWindow_Fails()
    {
        var window = T.StandardDay(_schoolId);

        var result = window.Enrol(T.Student(_schoolId), approve: true, T.Now);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("window.default", result.Error?.Code);
        Assert.Empty(window.Enrolments);
    }

    [Fact]
    public void Enrol_StudentOfAnotherSchool_FailsNotFound()
    {
        var window = T.EarlyWindow(_schoolId);

        var result = window.Enrol(T.Student(A.SchoolId()), approve: true, T.Now);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        Assert.Empty(window.Enrolments);
    }

    [Fact]
    public void Change_CapacityBelowPlacesTaken_FailsAndKeepsTheCapacity()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 3);
        window.Enrol(T.Student(_schoolId), approve: true, T.Now);
        window.Enrol(T.Student(_schoolId), approve: true, T.Now);

        var result = window.Change("Early", T.Time("07:30"), T.Time("13:00"), 1, [10], autoApprove: false);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("window.capacity_below_enrolment", result.Error?.Code);
        Assert.Equal(3, window.Capacity);
    }

    [Fact]
    public void Change_CapacityDownToPlacesTaken_Succeeds()
    {
        var window = T.EarlyWindow(_schoolId, capacity: 50);
        window.Enrol(T.Student(_schoolId), approve: true, T.Now);
        window.Enrol(T.Student(_schoolId), approve: false, T.Now);

        var result = window.Change("Early", T.Time("07:30"), T.Time("13:00"), 1, [10], autoApprove: false);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, window.Capacity);
        Assert.True(window.IsFull);
    }

    [Theory]
    [InlineData("07:30", "13:00", true)]
    [InlineData("08:00", "09:00", true)]
    [InlineData("07:00", "08:00", false)]
    [InlineData("12:30", "13:30", false)]
    [InlineData("14:00", "15:00", false)]
    public void Contains_SessionAgainstEarlyWindow_IsTrueOnlyInside0730To1300(string start, string end, bool expected)
    {
        var window = T.EarlyWindow(_schoolId);

        Assert.Equal(expected, window.Contains(T.Time(start), T.Time(end)));
    }
}
