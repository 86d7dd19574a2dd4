using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

public sealed class PortfolioEntryTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Create_ByTheStudent_Is201WithTheEntryItsLocationAndETag()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var response = await student.PostAsJsonAsync(Entries(Alex), new
        {
            title = "  Rocket car  ",
            reflection = "Built with the science club.",
            date = "2026-09-03",
            kind = "OutOfSchool",
            subjects = new[] { "Science", "D&T", "science" },
            visibility = "Family",
        });

        await AssertStatus(response, HttpStatusCode.Created);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/students/{Alex}/portfolio/entries/{entry.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        Assert.Equal("Rocket car", entry.GetProperty("title").GetString());
        Assert.Equal("2026-09-03", entry.GetProperty("date").GetString());
        Assert.Equal("OutOfSchool", entry.GetProperty("kind").GetString());
        Assert.Equal(["Science", "D&T"], entry.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Family", entry.GetProperty("visibility").GetString());
        Assert.Equal(Alex, entry.GetProperty("createdBy").GetGuid());
        Assert.Equal(SchoolApiFactory.Start, entry.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("endorsement").ValueKind);
        Assert.Equal(0, entry.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task List_ShowsCreatedEntriesNewestFirst()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var older = await tutor.NewEntryAsync(Alex, date: "2026-01-10");
        var newer = await tutor.NewEntryAsync(Alex, date: "2026-09-05");

        var ids = await tutor.EntryIdsAsync(Alex);

        Assert.True(ids.IndexOf(newer.Id()) < ids.IndexOf(older.Id()), "newer entries come first");
        Assert.DoesNotContain(Guid.Empty, ids);
    }

    [Fact]
    public async Task List_FilteredByKind_ShowsOnlyThatKind()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var achievement = await admin.NewEntryAsync(Alex, kind: "Achievement");

        var list = await admin.GetFromJsonAsync<JsonElement>($"{Entries(Alex)}?kind=Achievement");

        Assert.Contains(achievement.Id(), list.Ids());
        Assert.All(list.EnumerateArray(), e => Assert.Equal("Achievement", e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task List_UnknownKind_Is400NamingKind()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync($"{Entries(Alex)}?kind=Poem");

        await response.AssertValidationProblem("kind");
    }

    [Fact]
    public async Task Get_ReturnsTheEntryWithItsVersionAsETag()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var created = await student.NewEntryAsync(Alex);

        var response = await student.GetAsync(Entry(Alex, created.Id()));

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        Assert.Equal(created.GetProperty("title").GetString(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_UnknownEntry_Is404()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var response = await student.GetAsync(Entry(Alex, Guid.NewGuid()));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_EntryOfAnotherStudentThroughThisStudentsAddress_Is404()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var other = await admin.NewEntryAsync(OtherBridgemaryStudentId);

        var response = await admin.GetAsync(Entry(Alex, other.Id()));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_WithCurrentETag_ChangesTheEntryAndBumpsTheVersion()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var created = await student.NewEntryAsync(Alex, visibility: "Private");

        var response = await PutAsync(student, created.Id(), "\"0\"", EntryBody("Renamed", "Family", "Achievement", "2026-08-01", ["Music"]));

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var entry = await student.GetFromJsonAsync<JsonElement>(Entry(Alex, created.Id()));
        Assert.Equal("Renamed", entry.GetProperty("title").GetString());
        Assert.Equal("Family", entry.GetProperty("visibility").GetString());
        Assert.Equal("Achievement", entry.GetProperty("kind").GetString());
        Assert.Equal("2026-08-01", entry.GetProperty("date").GetString());
        Assert.Equal(1u, entry.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task Update_WithStaleETag_Is412AndChangesNothing()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var created = await student.NewEntryAsync(Alex, title: "Original");
        await AssertStatus(await PutAsync(tutor, created.Id(), "\"0\"", EntryBody("Tutor's edit")), HttpStatusCode.OK);

        var response = await PutAsync(student, created.Id(), "\"0\"", EntryBody("Student's edit"));

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        var entry = await student.GetFromJsonAsync<JsonElement>(Entry(Alex, created.Id()));
        Assert.Equal("Tutor's edit", entry.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_WithMalformedIfMatch_Is412()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var created = await student.NewEntryAsync(Alex);

        var response = await PutAsync(student, created.Id(), "W/\"0\"", EntryBody());

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Update_EndorsedEntrysTitle_Is409_ButItsVisibilityMayChange()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var created = await student.NewEntryAsync(Alex, visibility: "Private", kind: "Achievement", title: "Swimming gala");
        await AssertStatus(await teacher.PostAsync($"{Entry(Alex, created.Id())}/endorse", null), HttpStatusCode.OK);

        var retitled = await PutAsync(student, created.Id(), null, EntryBody("Swimming gala winner", "Family", "Achievement"));
        var shared = await PutAsync(student, created.Id(), null, EntryBody("Swimming gala", "Family", "Achievement", reflection: created.GetProperty("reflection").GetString()));

        var problem = await retitled.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("portfolio.entry_endorsed", problem.GetProperty("code").GetString());
        await AssertStatus(shared, HttpStatusCode.OK);
        var entry = await student.GetFromJsonAsync<JsonElement>(Entry(Alex, created.Id()));
        Assert.Equal("Swimming gala", entry.GetProperty("title").GetString());
        Assert.Equal("Family", entry.GetProperty("visibility").GetString());
    }

    [Theory]
    [InlineData("title", "")]
    [InlineData("title", "201")]
    [InlineData("reflection", "4001")]
    [InlineData("date", "1999-12-31")]
    [InlineData("subjects", "11")]
    [InlineData("subjects[0]", "")]
    public async Task Create_BadField_Is400NamingTheField(string field, string value)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var before = await student.EntryIdsAsync(Alex);
        var body = new Dictionary<string, object?>
        {
            ["title"] = "A title",
            ["reflection"] = "Fine.",
            ["date"] = "2026-09-01",
            ["kind"] = "Work",
            ["subjects"] = new[] { "Art" },
            ["visibility"] = "Family",
        };
        switch (field)
        {
            case "title":
                body["title"] = value == "" ? "   " : new string('t', int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "reflection":
                body["reflection"] = new string('r', int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "date":
                body["date"] = value;
                break;
            case "subjects":
                body["subjects"] = Enumerable.Range(1, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Select(i => $"Subject {i}").ToArray();
                break;
            default:
                body["subjects"] = new[] { " " };
                break;
        }

        var response = await student.PostAsJsonAsync(Entries(Alex), body);

        await response.AssertValidationProblem(field);
        Assert.Equal(before.Order(), (await student.EntryIdsAsync(Alex)).Order());
    }

    [Theory]
    [InlineData("kind", "Poem")]
    [InlineData("visibility", "Everyone")]
    public async Task Create_UnknownEnumValue_Is400NamingTheField(string field, string value)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var body = new Dictionary<string, object?> { ["title"] = "A title", ["date"] = "2026-09-01", ["kind"] = "Work", ["visibility"] = "Family" };
        body[field] = value;

        var response = await student.PostAsJsonAsync(Entries(Alex), body);

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task Create_WithoutVisibility_IsPrivate()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var response = await student.PostAsJsonAsync(Entries(Alex), new { title = "Quiet one", date = "2026-09-01", kind = "Work" });

        await AssertStatus(response, HttpStatusCode.Created);
        Assert.Equal("Private", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task Create_ForAStudentWhoDoesNotExist_Is404()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync(Entries(Guid.NewGuid()), EntryBody());

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid entryId, string? ifMatch, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Entry(Alex, entryId)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
