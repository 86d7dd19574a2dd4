using static School.Api.Tests.Passports.PassportApi;

namespace School.Api.Tests.Passports;

/// <summary>
/// Every passport endpoint × every demo account (× three students where there is a student): the Bridgemary demo
/// student (the caller's own record for the Bridgemary tutor, mentor, student and parent), another Bridgemary student
/// linked to no demo account, and the Cramlington demo student. Who may not see a student gets 404; who may see but
/// not do gets 403.
/// </summary>
public sealed class PassportAuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    /// <summary>
    /// Exporting and reading passports: those who read the learning record (admins, pastoral leads, the personal tutor,
    /// the mentor, the student, a guardian with access). A teacher sees the student but may not export them.
    /// </summary>
    public static TheoryData<string, string, int> Read => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>Importing: only an admin, into a student of their own school; anyone else is refused before the student is looked at.</summary>
    public static TheoryData<string, string, int> ImportInto => Matrix(
        (Accounts.Admin, 201, 201, 404),
        (Accounts.Tutor, 403, 403, 403),
        (Accounts.Mentor, 403, 403, 403),
        (Accounts.Teacher, 403, 403, 403),
        (Accounts.Pastoral, 403, 403, 403),
        (Accounts.Student, 403, 403, 403),
        (Accounts.Parent, 403, 403, 403),
        (Accounts.CramlingtonAdmin, 404, 404, 201),
        (Accounts.CramlingtonStudent, 403, 403, 403),
        (Accounts.CramlingtonParent, 403, 403, 403));

    /// <summary>The school's key, shown and trusted: admins only.</summary>
    public static TheoryData<string, int> AdminOnly => new()
    {
        { Accounts.Admin, 200 },
        { Accounts.Tutor, 403 },
        { Accounts.Mentor, 403 },
        { Accounts.Teacher, 403 },
        { Accounts.Pastoral, 403 },
        { Accounts.Student, 403 },
        { Accounts.Parent, 403 },
        { Accounts.CramlingtonAdmin, 200 },
        { Accounts.CramlingtonStudent, 403 },
        { Accounts.CramlingtonParent, 403 },
    };

    [Theory]
    [MemberData(nameof(Read))]
    public async Task ExportPassport(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(Export(IdOf(target)));

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            var exported = await response.Content.ReadFromJsonAsync<JsonElement>();
            Jws.Parse(exported.GetProperty("passport").GetString()!);
            var document = exported.GetProperty("document");
            Assert.Equal(target == Cram ? DemoData.CramlingtonId : DemoData.BridgemaryId, document.GetProperty("issuer").GetProperty("schoolId").GetGuid());
            Assert.Equal(await PupilNumberOf(target), document.GetProperty("student").GetProperty("pupilNumber").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task ExportArchive(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(Archive(IdOf(target)));

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task ListImports(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(Imports(IdOf(target)));

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(ImportInto))]
    public async Task ImportPassport(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var targetAdmin = await TargetAdmin(target);
        // A genuine passport from the same deployment: the only question here is who may attach it where.
        var passport = await bridgemary.PassportAsync(DemoData.BridgemaryStudentId);
        var before = (await targetAdmin.ImportsAsync(IdOf(target))).Count;

        var response = await client.ImportAsync(IdOf(target), passport);

        await AssertStatus(response, (HttpStatusCode)expected);
        Assert.Equal(before + (expected == 201 ? 1 : 0), (await targetAdmin.ImportsAsync(IdOf(target))).Count);
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task GetSigningKey(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(SigningKey);

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            var key = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(KeyIdOf(key.GetProperty("publicKeyPem").GetString()!), key.GetProperty("keyId").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task TrustKey(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var seaview = new ForeignIssuer();

        var response = await client.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem });

        await AssertStatus(response, expected == 200 ? HttpStatusCode.Created : (HttpStatusCode)expected);
    }

    [Fact]
    public async Task TrustKey_RefusedToANonAdmin_LeavesTheKeyUntrusted()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);
        using var seaview = new ForeignIssuer();
        await AssertStatus(
            await pastoral.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem }),
            HttpStatusCode.Forbidden);
        var arrived = await bridgemary.NewStudentAsync();

        var response = await bridgemary.ImportAsync(arrived, seaview.Reissue(await bridgemary.PassportAsync(DemoData.BridgemaryStudentId)));

        await response.AssertNotVerified();
    }

    [Theory]
    [InlineData(Demo)]
    [InlineData(Cram)]
    public async Task EveryEndpoint_WithoutSigningIn_Is401(string target)
    {
        using var anonymous = factory.CreateClient();
        using var seaview = new ForeignIssuer();
        var student = IdOf(target);

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync(Export(student)),
            await anonymous.GetAsync(Archive(student)),
            await anonymous.GetAsync(Imports(student)),
            await anonymous.ImportAsync(student, seaview.Sign("{}")),
            await anonymous.GetAsync(SigningKey),
            await anonymous.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem }),
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

    /// <summary>The target's own school admin, who may read every student of their school.</summary>
    private Task<HttpClient> TargetAdmin(string target) => factory.ClientFor(target == Cram ? Accounts.CramlingtonAdmin : Accounts.Admin);

    private async Task<string?> PupilNumberOf(string target)
    {
        using var admin = await TargetAdmin(target);
        return (await admin.GetFromJsonAsync<JsonElement>($"/api/students/{IdOf(target)}")).GetProperty("pupilNumber").GetString();
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
}
