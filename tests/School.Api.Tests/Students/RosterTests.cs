namespace School.Api.Tests.Students;

public sealed class RosterTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static string NewPupilNumber() => $"T{Guid.NewGuid().ToString("N")[..12]}".ToUpperInvariant();

    private static object NewStudent(string pupilNumber, object? account = null, Guid? tutorId = null, Guid? mentorId = null) => new
    {
        pupilNumber,
        givenName = "Casey",
        familyName = "Newcomer",
        preferredName = "Cas",
        dateOfBirth = "2013-02-14",
        yearGroup = 8,
        personalTutorId = tutorId,
        mentorId,
        account,
    };

    [Fact]
    public async Task ListStudents_Admin_SeesAboutAThousandBridgemaryStudentsInPages()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/students?page=2&pageSize=50");

        Assert.InRange(page.GetProperty("totalCount").GetInt32(), 1000, 1100);
        Assert.Equal(50, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.True(page.GetProperty("totalPages").GetInt32() >= 20);
    }

    [Fact]
    public async Task ListStudents_CramlingtonAdmin_SeesAboutThreeHundred()
    {
        using var admin = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/students");

        Assert.InRange(page.GetProperty("totalCount").GetInt32(), 300, 330);
    }

    [Fact]
    public async Task ListStudents_FilteredByYearGroup_ReturnsOnlyThatYear()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var page = await teacher.GetFromJsonAsync<JsonElement>("/api/students?yearGroup=9&pageSize=100");

        Assert.Equal(200, page.GetProperty("totalCount").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), s => Assert.Equal(9, s.GetProperty("yearGroup").GetInt32()));
    }

    [Fact]
    public async Task ListStudents_FilteredByName_MatchesPartOfTheNameInAnyCase()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/students?name=MORG&yearGroup=10");

        var names = page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("familyName").GetString()).ToList();
        Assert.Contains("Morgan", names);
        Assert.All(names, n => Assert.Contains("morg", n!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ListStudents_Tutor_SeesOnlyTheirTutorGroup()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var admin = await factory.ClientFor(Accounts.Admin);

        var page = await tutor.GetFromJsonAsync<JsonElement>("/api/students?pageSize=100");
        var ids = page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();

        Assert.InRange(ids.Count, 15, 40);
        foreach (var id in ids.Take(5))
        {
            var student = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{id}");
            Assert.Equal(DemoData.BridgemaryTutorId, student.GetProperty("personalTutor").GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task GetStudent_Teacher_SeesRosterFieldsButNotGuardians()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var student = await teacher.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}");

        Assert.Equal("Alex", student.GetProperty("givenName").GetString());
        Assert.Equal(JsonValueKind.Null, student.GetProperty("guardians").ValueKind);
    }

    [Fact]
    public async Task GetStudent_Tutor_SeesGuardiansIncludingOneWhoseAccessIsStopped()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var student = await tutor.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}");

        var guardians = student.GetProperty("guardians").EnumerateArray().ToList();
        Assert.Equal(2, guardians.Count);
        var stopped = Assert.Single(guardians, g => !g.GetProperty("accessAllowed").GetBoolean());
        Assert.Contains("Court order", stopped.GetProperty("accessStoppedReason").GetString());
    }

    [Fact]
    public async Task GetStudent_UnknownId_Is404Problem()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync($"/api/students/{Guid.CreateVersion7()}");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateStudent_ThenRead_ReturnsWhatWasSaved()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupilNumber = NewPupilNumber();

        var created = await admin.PostAsJsonAsync("/api/students", NewStudent(pupilNumber.ToLowerInvariant(), tutorId: DemoData.BridgemaryTutorId, mentorId: DemoData.BridgemaryMentorId));
        var read = await admin.GetFromJsonAsync<JsonElement>(created.Headers.Location!);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(pupilNumber, read.GetProperty("pupilNumber").GetString());
        Assert.Equal("Cas", read.GetProperty("preferredName").GetString());
        Assert.Equal("2013-02-14", read.GetProperty("dateOfBirth").GetString());
        Assert.Equal(DemoData.BridgemaryTutorId, read.GetProperty("personalTutor").GetProperty("id").GetGuid());
        Assert.Equal(DemoData.BridgemaryMentorId, read.GetProperty("mentor").GetProperty("id").GetGuid());
        Assert.Equal(DemoData.BridgemaryId, read.GetProperty("schoolId").GetGuid());
    }

    [Fact]
    public async Task CreateStudent_WithAnAccount_TheStudentCanSignInAndSeeOnlyThemself()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var email = $"pupil-{Guid.NewGuid():N}@bridgemary.demo";

        var created = await admin.PostAsJsonAsync("/api/students", NewStudent(NewPupilNumber(), new { email, password = "pupil-Passw0rd" }));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var pupil = await factory.ClientFor(email, "pupil-Passw0rd");
        var list = await pupil.GetFromJsonAsync<JsonElement>("/api/students");

        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task CreateStudent_SamePupilNumberTwice_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupilNumber = NewPupilNumber();

        var first = await admin.PostAsJsonAsync("/api/students", NewStudent(pupilNumber));
        var second = await admin.PostAsJsonAsync("/api/students", NewStudent(pupilNumber.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await second.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("pupil number", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateStudent_SamePupilNumberAtAnotherSchool_IsAllowed()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var pupilNumber = NewPupilNumber();

        var first = await bridgemary.PostAsJsonAsync("/api/students", NewStudent(pupilNumber));
        var second = await cramlington.PostAsJsonAsync("/api/students", NewStudent(pupilNumber));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
    }

    [Fact]
    public async Task CreateStudent_WithAnAccountEmailInUse_Is409AndTheStudentIsNotSaved()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupilNumber = NewPupilNumber();

        var response = await admin.PostAsJsonAsync("/api/students", NewStudent(pupilNumber, new { email = Accounts.Student, password = "pupil-Passw0rd" }));
        var search = await admin.GetFromJsonAsync<JsonElement>($"/api/students?name={pupilNumber}");

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(0, search.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task CreateStudent_TutorWithoutTheTutorRole_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/students", NewStudent(NewPupilNumber(), tutorId: DemoData.BridgemaryPastoralId));

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("student.staff_lacks_role", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateStudent_TutorFromAnotherSchool_Is400NamingTheField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/students", NewStudent(NewPupilNumber(), mentorId: DemoData.CramlingtonAdminId));

        await response.AssertValidationProblem("mentorId");
    }

    [Fact]
    public async Task UpdateStudent_WithTheCurrentETag_SavesAndReturnsANewETag()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/students", NewStudent(NewPupilNumber()));
        var location = created.Headers.Location!;
        var read = await admin.GetAsync(location);
        var current = await read.Content.ReadFromJsonAsync<JsonElement>();

        using var put = new HttpRequestMessage(HttpMethod.Put, location)
        {
            Content = JsonContent.Create(new
            {
                pupilNumber = current.GetProperty("pupilNumber").GetString(),
                givenName = "Casey",
                familyName = "Renamed",
                dateOfBirth = "2013-02-14",
                yearGroup = 9,
                personalTutorId = DemoData.BridgemaryTutorId,
            }),
        };
        put.Headers.IfMatch.ParseAdd(read.Headers.ETag!.Tag);
        var updated = await admin.SendAsync(put);
        var after = await admin.GetFromJsonAsync<JsonElement>(location);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(read.Headers.ETag.Tag, updated.Headers.ETag!.Tag);
        Assert.Equal("Renamed", after.GetProperty("familyName").GetString());
        Assert.Equal(9, after.GetProperty("yearGroup").GetInt32());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("preferredName").ValueKind);
        Assert.Equal(DemoData.BridgemaryTutorId, after.GetProperty("personalTutor").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task UpdateStudent_WithAStaleETag_Is412AndChangesNothing()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/students", NewStudent(NewPupilNumber()));
        var location = created.Headers.Location!;
        var before = await admin.GetFromJsonAsync<JsonElement>(location);

        using var put = new HttpRequestMessage(HttpMethod.Put, location)
        {
            Content = JsonContent.Create(new
            {
                pupilNumber = before.GetProperty("pupilNumber").GetString(),
                givenName = "Stale",
                familyName = "Write",
                dateOfBirth = "2013-02-14",
                yearGroup = 8,
            }),
        };
        put.Headers.IfMatch.ParseAdd("\"999\"");
        var response = await admin.SendAsync(put);
        var after = await admin.GetFromJsonAsync<JsonElement>(location);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Casey", after.GetProperty("givenName").GetString());
    }

    [Fact]
    public async Task UpdateStudent_ToAPupilNumberAlreadyUsed_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/students", NewStudent(NewPupilNumber()));

        var response = await admin.PutAsJsonAsync(created.Headers.Location, new
        {
            pupilNumber = "BMC10001",
            givenName = "Casey",
            familyName = "Newcomer",
            dateOfBirth = "2013-02-14",
            yearGroup = 8,
        });

        await response.AssertProblem(HttpStatusCode.Conflict);
    }
}
