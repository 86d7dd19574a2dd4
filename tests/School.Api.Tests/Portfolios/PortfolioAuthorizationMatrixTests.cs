using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

/// <summary>
/// Every portfolio endpoint × every demo account × three students: the Bridgemary demo student (the caller's own record
/// for the Bridgemary tutor, mentor, student and parent), another Bridgemary student linked to no demo account, and the
/// Cramlington demo student. Who may not see a student gets 404; who may see but not do gets 403. Entries used here are
/// shared with the family, so a guardian's answers are about what they may do, not about what they may see.
/// </summary>
public sealed class PortfolioAuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    /// <summary>Reading the portfolio: whoever may see the student.</summary>
    public static TheoryData<string, string, int> Read => Matrix(
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

    /// <summary>Writing (entries, evidence, the showcase): the student, their personal tutor and their school's admins.</summary>
    public static TheoryData<string, string, int> Create => Matrix(
        (Accounts.Admin, 201, 201, 404),
        (Accounts.Tutor, 201, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 201, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 201),
        (Accounts.CramlingtonStudent, 404, 404, 201),
        (Accounts.CramlingtonParent, 404, 404, 403));

    public static TheoryData<string, string, int> Change => Replace(Create, 201, 200);

    /// <summary>Endorsing: any member of staff who may see the student; never the student or a guardian.</summary>
    public static TheoryData<string, string, int> Endorse => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    [Theory]
    [MemberData(nameof(Read))]
    public async Task ListEntries(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var entry = await TargetEntryAsync(target);

        var response = await client.GetAsync(Entries(IdOf(target)));

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            Assert.Contains(entry.Id(), (await response.Content.ReadFromJsonAsync<JsonElement>()).Ids());
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetEntry(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var entry = await TargetEntryAsync(target);

        var response = await client.GetAsync(Entry(IdOf(target), entry.Id()));

        await AssertStatus(response, (HttpStatusCode)expected);
    }

    [Theory]
    [MemberData(nameof(Create))]
    public async Task CreateEntry(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var admin = await TargetAdmin(target);
        var title = Unique("Matrix entry");

        var response = await client.PostAsJsonAsync(Entries(IdOf(target)), EntryBody(title));

        await AssertStatus(response, (HttpStatusCode)expected);
        var titles = (await admin.GetFromJsonAsync<JsonElement>(Entries(IdOf(target)))).EnumerateArray().Select(e => e.GetProperty("title").GetString());
        Assert.Equal(expected == 201, titles.Contains(title));
    }

    [Theory]
    [MemberData(nameof(Change))]
    public async Task UpdateEntry(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var entry = await TargetEntryAsync(target);

        var response = await client.PutAsJsonAsync(Entry(IdOf(target), entry.Id()), EntryBody("Changed by the matrix"));

        await AssertStatus(response, (HttpStatusCode)expected);
        Assert.Equal(expected == 200 ? 1u : 0u, await VersionAsync(target, entry.Id()));
    }

    [Theory]
    [MemberData(nameof(Endorse))]
    public async Task EndorseEntry(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var entry = await TargetEntryAsync(target);

        var response = await client.PostAsync($"{Entry(IdOf(target), entry.Id())}/endorse", null);

        await AssertStatus(response, (HttpStatusCode)expected);
        Assert.Equal(expected == 200 ? 1u : 0u, await VersionAsync(target, entry.Id()));
    }

    [Theory]
    [MemberData(nameof(Create))]
    public async Task UploadEvidence(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var entry = await TargetEntryAsync(target);

        var response = await client.UploadAsync(IdOf(target), entry.Id(), SampleFiles.Png(), "matrix.png");

        await AssertStatus(response, (HttpStatusCode)expected);
        Assert.Equal(expected == 201 ? 1u : 0u, await VersionAsync(target, entry.Id()));
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task DownloadEvidence(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var admin = await TargetAdmin(target);
        var entry = await TargetEntryAsync(target);
        var evidence = await admin.UploadedAsync(IdOf(target), entry.Id(), SampleFiles.Png(), "matrix.png");

        var response = await client.GetAsync(evidence.GetProperty("url").GetString());

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            Assert.Equal(SampleFiles.Png(), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetShowcase(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(Showcase(IdOf(target)));

        await AssertStatus(response, (HttpStatusCode)expected);
    }

    [Theory]
    [MemberData(nameof(Change))]
    public async Task SetShowcase(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var admin = await TargetAdmin(target);
        var entry = await TargetEntryAsync(target);

        var response = await client.PutAsJsonAsync(Showcase(IdOf(target)), new { entryIds = new[] { entry.Id() } });

        await AssertStatus(response, (HttpStatusCode)expected);
        var showcase = (await admin.GetFromJsonAsync<JsonElement>(Showcase(IdOf(target)))).GetProperty("entries").Ids();
        Assert.Equal(expected == 200, showcase.SequenceEqual([entry.Id()]));
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetRecordOfAchievement(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(RecordOfAchievement(IdOf(target)));

        await AssertStatus(response, (HttpStatusCode)expected);
    }

    [Theory]
    [InlineData(Demo)]
    [InlineData(Cram)]
    public async Task EveryEndpoint_WithoutSigningIn_Is401(string target)
    {
        using var anonymous = factory.CreateClient();
        var student = IdOf(target);
        var entry = Guid.NewGuid();

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync(Entries(student)),
            await anonymous.PostAsJsonAsync(Entries(student), EntryBody()),
            await anonymous.GetAsync(Entry(student, entry)),
            await anonymous.PutAsJsonAsync(Entry(student, entry), EntryBody()),
            await anonymous.PostAsync($"{Entry(student, entry)}/endorse", null),
            await anonymous.UploadAsync(student, entry, SampleFiles.Png()),
            await anonymous.GetAsync($"{Entry(student, entry)}/evidence/{Guid.NewGuid()}"),
            await anonymous.GetAsync(Showcase(student)),
            await anonymous.PutAsJsonAsync(Showcase(student), new { entryIds = Array.Empty<Guid>() }),
            await anonymous.GetAsync(RecordOfAchievement(student)),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.Unauthorized);
        }
    }

    private static Guid IdOf(string target) => target switch
    {
        Demo => DemoData.BridgemaryStudentId,
        Other => OtherBridgemaryStudentId,
        Cram => DemoData.CramlingtonStudentId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The target's own school admin, who may write in every portfolio of their school.</summary>
    private Task<HttpClient> TargetAdmin(string target) => factory.ClientFor(target == Cram ? Accounts.CramlingtonAdmin : Accounts.Admin);

    /// <summary>A fresh entry, shared with the family, written by the target's school admin.</summary>
    private async Task<JsonElement> TargetEntryAsync(string target)
    {
        using var admin = await TargetAdmin(target);
        return await admin.NewEntryAsync(IdOf(target), visibility: "Family", kind: "Achievement");
    }

    private async Task<uint> VersionAsync(string target, Guid entryId)
    {
        using var admin = await TargetAdmin(target);
        return (await admin.GetFromJsonAsync<JsonElement>(Entry(IdOf(target), entryId))).GetProperty("version").GetUInt32();
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
