using School.Domain.Common;
using School.Domain.Students;

namespace School.Domain.Tests.Students;

public class StudentGuardianTests
{
    [Fact]
    public void LinkGuardian_GuardianOfTheSameSchool_AddsALinkThatAllowsAccess()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var guardian = A.Guardian(school);

        var result = student.LinkGuardian(guardian, GuardianRelationship.Father, hasParentalResponsibility: true);

        Assert.True(result.IsSuccess);
        var link = Assert.Single(student.GuardianLinks);
        Assert.Equal(guardian.Id, link.GuardianId);
        Assert.Equal(GuardianRelationship.Father, link.Relationship);
        Assert.True(link.HasParentalResponsibility);
        Assert.True(link.AccessAllowed);
    }

    [Fact]
    public void LinkGuardian_NewLink_BumpsVersion()
    {
        var school = A.SchoolId();
        var student = A.Student(school);
        var before = student.Version;

        student.LinkGuardian(A.Guardian(school), GuardianRelationship.Parent, hasParentalResponsibility: true);

        Assert.Equal(before + 1, student.Version);
    }

    [Fact]
    public void LinkGuardian_GuardianOfAnotherSchool_FailsNotFound()
    {
        var student = A.Student(A.SchoolId());
        var guardianElsewhere = A.Guardian(A.SchoolId());

        var result = student.LinkGuardian(guardianElsewhere, GuardianRelationship.Mother, hasParentalResponsibility: true);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        Assert.Empty(student.GuardianLinks);
    }

    [Fact]
    public void LinkGuardian_SameGuardianTwice_FailsWithConflict()
    {
        var student = A.StudentWithGuardian(out var guardian);

        var result = student.LinkGuardian(guardian, GuardianRelationship.Carer, hasParentalResponsibility: false);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("student.guardian_already_linked", result.Error?.Code);
        Assert.Single(student.GuardianLinks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ChangeGuardianLink_StopAccessWithoutReason_FailsValidationOnAccessStoppedReason(string? reason)
    {
        var student = A.StudentWithGuardian(out var guardian);

        var result = student.ChangeGuardianLink(
            guardian.Id, GuardianRelationship.Mother, hasParentalResponsibility: true, accessAllowed: false, reason);

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal("accessStoppedReason", result.Error?.Field);
        Assert.True(Assert.Single(student.GuardianLinks).AccessAllowed);
    }

    [Fact]
    public void ChangeGuardianLink_StopAccessWithReason_StopsAccessAndStoresTheReason()
    {
        var student = A.StudentWithGuardian(out var guardian);

        var result = student.ChangeGuardianLink(
            guardian.Id, GuardianRelationship.Mother, hasParentalResponsibility: true, accessAllowed: false, "  Court order 2025/17 ");

        Assert.True(result.IsSuccess);
        var link = Assert.Single(student.GuardianLinks);
        Assert.False(link.AccessAllowed);
        Assert.Equal("Court order 2025/17", link.AccessStoppedReason);
    }

    [Fact]
    public void ChangeGuardianLink_AllowAccessAgain_ClearsTheReason()
    {
        var student = A.StudentWithGuardian(out var guardian);
        student.ChangeGuardianLink(guardian.Id, GuardianRelationship.Mother, true, accessAllowed: false, "Court order");

        var result = student.ChangeGuardianLink(guardian.Id, GuardianRelationship.Mother, true, accessAllowed: true, "Court order");

        Assert.True(result.IsSuccess);
        var link = Assert.Single(student.GuardianLinks);
        Assert.True(link.AccessAllowed);
        Assert.Null(link.AccessStoppedReason);
    }

    [Fact]
    public void ChangeGuardianLink_NewRelationship_KeepsTheLinkAndBumpsVersion()
    {
        var student = A.StudentWithGuardian(out var guardian);
        var before = student.Version;

        student.ChangeGuardianLink(guardian.Id, GuardianRelationship.FosterCarer, hasParentalResponsibility: false, accessAllowed: true, null);

        var link = Assert.Single(student.GuardianLinks);
        Assert.Equal(GuardianRelationship.FosterCarer, link.Relationship);
        Assert.False(link.HasParentalResponsibility);
        Assert.Equal(before + 1, student.Version);
    }

    [Fact]
    public void ChangeGuardianLink_GuardianNotLinked_FailsNotFound()
    {
        var student = A.StudentWithGuardian(out _);

        var result = student.ChangeGuardianLink(A.Id(), GuardianRelationship.Mother, true, accessAllowed: true, null);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
    }
}
