namespace School.Api.Tests.Students;

/// <summary>
/// Every roster endpoint × every demo role × three students: the Bridgemary demo student (the caller's own record for
/// the Bridgemary tutor, mentor, student and parent), another Bridgemary student (no link to any demo account), and the
/// Cramlington demo student (another school for every Bridgemary account, the own record for Cramlington's accounts).
/// </summary>
public sealed class AuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    /// <summary>A generated Bridgemary student taught, tutored and mentored by nobody with a demo account.</summary>
    private static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    public static TheoryData<string, string, int> ReadStudent => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>Changing: only a school's admin; who may see but not change gets 403, who may not see gets 404.</summary>
    public static TheoryData<string, string, int> ChangeStudent => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    /// <summary>Guardians and their contacts: staff who look after the child; a teacher sees the roster only.</summary>
    public static TheoryData<string, string, int> ReadGuardians => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    public static TheoryData<string, string, int> LinkGuardian => Replace(ChangeStudent, 200, 201);

    /// <summary>Whether each caller's list of students includes each target.</summary>
    public static TheoryData<string, string, int> ListStudents => Matrix(
        (Accounts.Admin, 1, 1, 0),
        (Accounts.Tutor, 1, 0, 0),
        (Accounts.Mentor, 1, 0, 0),
        (Accounts.Teacher, 1, 1, 0),
        (Accounts.Pastoral, 1, 1, 0),
        (Accounts.Student, 1, 0, 0),
        (Accounts.Parent, 1, 0, 0),
        (Accounts.CramlingtonAdmin, 0, 0, 1),
        (Accounts.CramlingtonStudent, 0, 0, 1),
        (Accounts.CramlingtonParent, 0, 0, 1));

    [Fact]
    public async Task Premise_TheOtherStudentHasNoLinkToAnyDemoAccount()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var other = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{OtherStudentId}");

        Assert.Equal(8, other.GetProperty("yearGroup").GetInt32());
        Assert.NotEqual(DemoData.BridgemaryTutorId, other.GetProperty("personalTutor").GetProperty("id").GetGuid());
        Assert.NotEqual(DemoData.BridgemaryMentorId, other.GetProperty("mentor").GetProperty("id").GetGuid());
        Assert.DoesNotContain(
            other.GetProperty("guardians").EnumerateArray(),
            g => g.GetProperty("guardianId").GetGuid() == DemoData.BridgemaryParentId);
    }

    [Theory]
    [MemberData(nameof(ReadStudent))]
    public async Task GetStudent(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"/api/students/{IdOf(target)}");

        await AssertStatus(response, expected);
    }

    [Theory]
    [MemberData(nameof(ListStudents))]
    public async Task ListStudentsIncludes(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var pupilNumber = (await AdminGet(target)).GetProperty("pupilNumber").GetString();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/students?name={pupilNumber}");

        var ids = page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(expected == 1, ids.Contains(IdOf(target)));
    }

    [Theory]
    [MemberData(nameof(ChangeStudent))]
    public async Task PutStudent(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var current = await AdminGet(target);

        var response = await client.PutAsJsonAsync($"/api/students/{IdOf(target)}", new
        {
            pupilNumber = current.GetProperty("pupilNumber").GetString(),
            givenName = current.GetProperty("givenName").GetString(),
            familyName = current.GetProperty("familyName").GetString(),
            preferredName = current.GetProperty("preferredName").GetString(),
            dateOfBirth = current.GetProperty("dateOfBirth").GetString(),
            yearGroup = current.GetProperty("yearGroup").GetInt32(),
            personalTutorId = current.GetProperty("personalTutor").GetProperty("id").GetGuid(),
            mentorId = current.GetProperty("mentor").GetProperty("id").GetGuid(),
        });

        await AssertStatus(response, expected);
    }

    [Theory]
    [MemberData(nameof(ReadGuardians))]
    public async Task GetGuardians(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"/api/students/{IdOf(target)}/guardians");

        await AssertStatus(response, expected);
    }

    [Theory]
    [MemberData(nameof(LinkGuardian))]
    public async Task PostGuardian(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"/api/students/{IdOf(target)}/guardians", new
        {
            guardian = new { givenName = "Pat", familyName = "Matrix", email = (string?)null, phone = (string?)null },
            relationship = "Grandparent",
            hasParentalResponsibility = false,
        });

        await AssertStatus(response, expected);
    }

    [Theory]
    [MemberData(nameof(ChangeStudent))]
    public async Task PutGuardianLink(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var link = (await AdminGet(target)).GetProperty("guardians").EnumerateArray().First(g => g.GetProperty("accessAllowed").GetBoolean());

        var response = await client.PutAsJsonAsync($"/api/students/{IdOf(target)}/guardians/{link.GetProperty("guardianId").GetGuid()}", new
        {
            relationship = link.GetProperty("relationship").GetString(),
            hasParentalResponsibility = link.GetProperty("hasParentalResponsibility").GetBoolean(),
            accessAllowed = true,
        });

        await AssertStatus(response, expected);
    }

    [Theory]
    [InlineData(Accounts.Admin, 201)]
    [InlineData(Accounts.Tutor, 403)]
    [InlineData(Accounts.Mentor, 403)]
    [InlineData(Accounts.Teacher, 403)]
    [InlineData(Accounts.Pastoral, 403)]
    [InlineData(Accounts.Student, 403)]
    [InlineData(Accounts.Parent, 403)]
    [InlineData(Accounts.CramlingtonAdmin, 201)]
    [InlineData(Accounts.CramlingtonStudent, 403)]
    [InlineData(Accounts.CramlingtonParent, 403)]
    public async Task PostStudent(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync("/api/students", new
        {
            pupilNumber = $"M{Guid.NewGuid().ToString("N")[..10]}",
            givenName = "Robin",
            familyName = "Matrix",
            dateOfBirth = "2014-03-01",
            yearGroup = 7,
        });

        await AssertStatus(response, expected);
        if (expected == 201)
        {
            var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
            var created = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(me.GetProperty("schoolId").GetGuid(), created.GetProperty("schoolId").GetGuid());
        }
    }

    private static Guid IdOf(string target) => target switch
    {
        Demo => DemoData.BridgemaryStudentId,
        Other => OtherStudentId,
        Cram => DemoData.CramlingtonStudentId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The target as its own school's admin sees it (to build valid bodies whoever the caller is).</summary>
    private async Task<JsonElement> AdminGet(string target)
    {
        using var admin = await factory.ClientFor(target == Cram ? Accounts.CramlingtonAdmin : Accounts.Admin);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/students/{IdOf(target)}");
    }

    private static async Task AssertStatus(HttpResponseMessage response, int expected)
    {
        if (expected >= 400)
        {
            await response.AssertProblem((HttpStatusCode)expected);
        }
        else
        {
            Assert.True((int)response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static TheoryData<string, string, int> Matrix(params (string Caller, int Demo, int Other, int Cram)[] rows)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, demo, other, cram) in rows)
        {
            data.Add(caller, Demo, demo);
            data.Add(caller, Other, other);
            data.Add(caller, Cram, cram);
        }

        return data;
    }

    private static TheoryData<string, string, int> Replace(TheoryData<string, string, int> source, int from, int to)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in source)
        {
            var status = (int)row[2];
            data.Add((string)row[0], (string)row[1], status == from ? to : status);
        }

        return data;
    }
}
