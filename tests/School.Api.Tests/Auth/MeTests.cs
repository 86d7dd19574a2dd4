namespace School.Api.Tests.Auth;

public sealed class MeTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    public static TheoryData<string, string, string, string> People => new()
    {
        // email, kind, a role the person holds, school
        { Accounts.Admin, "Staff", "SchoolAdmin", "Bridgemary Community College" },
        { Accounts.Tutor, "Staff", "PersonalTutor", "Bridgemary Community College" },
        { Accounts.Mentor, "Staff", "Mentor", "Bridgemary Community College" },
        { Accounts.Teacher, "Staff", "Teacher", "Bridgemary Community College" },
        { Accounts.Pastoral, "Staff", "PastoralLead", "Bridgemary Community College" },
        { Accounts.Student, "Student", "Student", "Bridgemary Community College" },
        { Accounts.Parent, "Guardian", "Guardian", "Bridgemary Community College" },
        { Accounts.CramlingtonAdmin, "Staff", "SchoolAdmin", "Cramlington Learning Village" },
        { Accounts.CramlingtonStudent, "Student", "Student", "Cramlington Learning Village" },
        { Accounts.CramlingtonParent, "Guardian", "Guardian", "Cramlington Learning Village" },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Me_EachRole_SaysWhoIAmAndWhere(string email, string kind, string role, string school)
    {
        using var client = await factory.ClientFor(email);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(kind, me.GetProperty("kind").GetString());
        Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(school, me.GetProperty("schoolName").GetString());
        Assert.False(string.IsNullOrWhiteSpace(me.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Me_Student_IdIsTheirStudentRecord()
    {
        using var client = await factory.ClientFor(Accounts.Student);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(DemoData.BridgemaryStudentId, me.GetProperty("id").GetGuid());
        Assert.Equal(DemoData.BridgemaryId, me.GetProperty("schoolId").GetGuid());
    }

    [Fact]
    public async Task Me_Parent_ListsExactlyTheirChild()
    {
        using var client = await factory.ClientFor(Accounts.Parent);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        var child = Assert.Single(me.GetProperty("children").EnumerateArray());
        Assert.Equal(DemoData.BridgemaryStudentId, child.GetProperty("id").GetGuid());
        Assert.Equal(10, child.GetProperty("yearGroup").GetInt32());
    }

    [Fact]
    public async Task Me_Staff_HasNoChildrenList()
    {
        using var client = await factory.ClientFor(Accounts.Tutor);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(JsonValueKind.Null, me.GetProperty("children").ValueKind);
        Assert.Equal(DemoData.BridgemaryTutorId, me.GetProperty("id").GetGuid());
    }
}
