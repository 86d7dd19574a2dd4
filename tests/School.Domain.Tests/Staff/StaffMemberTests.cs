using School.Domain.Staff;

namespace School.Domain.Tests.Staff;

public class StaffMemberTests
{
    [Fact]
    public void Create_NoRoles_Throws()
    {
        Assert.Throws<ArgumentException>(
            "roles", () => StaffMember.Create(A.Id(), A.SchoolId(), "Grace", "Hopper", StaffRoles.None));
    }

    [Fact]
    public void Create_UnknownRole_Throws()
    {
        Assert.Throws<ArgumentException>(
            "roles", () => StaffMember.Create(A.Id(), A.SchoolId(), "Grace", "Hopper", StaffRoles.Teacher | (StaffRoles)64));
    }

    [Fact]
    public void HasRole_OneOfSeveralRolesHeld_IsTrue()
    {
        var member = A.StaffMember(A.SchoolId(), StaffRoles.Teacher | StaffRoles.PersonalTutor);

        Assert.True(member.HasRole(StaffRoles.PersonalTutor));
    }

    [Fact]
    public void HasRole_RoleNotHeld_IsFalse()
    {
        var member = A.StaffMember(A.SchoolId(), StaffRoles.Teacher | StaffRoles.PersonalTutor);

        Assert.False(member.HasRole(StaffRoles.Mentor));
    }

    [Fact]
    public void HasRole_OnlySomeOfTheAskedRolesHeld_IsFalse()
    {
        var member = A.StaffMember(A.SchoolId(), StaffRoles.Teacher);

        Assert.False(member.HasRole(StaffRoles.Teacher | StaffRoles.Mentor));
    }

    [Fact]
    public void Update_AnyChange_BumpsVersion()
    {
        var member = A.StaffMember(A.SchoolId(), StaffRoles.Teacher);
        var before = member.Version;

        member.Update("Grace", "Hopper", "Dr", StaffRoles.Teacher | StaffRoles.Mentor);

        Assert.Equal(before + 1, member.Version);
        Assert.True(member.HasRole(StaffRoles.Mentor));
    }

    [Fact]
    public void Update_NoRoles_ThrowsAndKeepsTheRoles()
    {
        var member = A.StaffMember(A.SchoolId(), StaffRoles.Teacher);

        Assert.Throws<ArgumentException>(() => member.Update("Grace", "Hopper", null, StaffRoles.None));

        Assert.Equal(StaffRoles.Teacher, member.Roles);
    }

    [Fact]
    public void DisplayName_WithTitle_IsTitleAndFamilyName()
    {
        var member = A.StaffMember(A.SchoolId(), StaffRoles.Teacher, title: "Dr");

        Assert.Equal("Dr Hopper", member.DisplayName);
    }

    [Fact]
    public void DisplayName_WithoutTitle_IsGivenAndFamilyName()
    {
        var member = A.StaffMember(A.SchoolId(), StaffRoles.Teacher);

        Assert.Equal("Grace Hopper", member.DisplayName);
    }
}
