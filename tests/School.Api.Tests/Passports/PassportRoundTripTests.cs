using System.Text.Json.Nodes;
using static School.Api.Tests.Passports.PassportApi;

namespace School.Api.Tests.Passports;

/// <summary>
/// The learning passport carried from one demo school to the other: Bridgemary exports the demo student's signed
/// passport, Cramlington (same deployment, so its key is trusted) attaches it to a newly arrived pupil, read-only.
/// </summary>
public sealed class PassportRoundTripTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Export_OfTheDemoStudent_HoldsTheirPlansPortfolioAndRecordOfAchievement()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{Alex}");

        var exported = await admin.ExportedAsync(Alex);

        Jws.Parse(exported.GetProperty("passport").GetString()!);
        var document = exported.GetProperty("document");
        Assert.Equal(Format, document.GetProperty("format").GetString());
        var issuer = document.GetProperty("issuer");
        Assert.Equal("Bridgemary Community College", issuer.GetProperty("schoolName").GetString());
        Assert.Equal(DemoData.BridgemaryId, issuer.GetProperty("schoolId").GetGuid());
        Assert.Equal(SchoolApiFactory.Start, document.GetProperty("issuedAt").GetDateTimeOffset());
        Assert.Equal(student.GetProperty("pupilNumber").GetString(), document.GetProperty("student").GetProperty("pupilNumber").GetString());
        Assert.Equal(student.GetProperty("givenName").GetString(), document.GetProperty("student").GetProperty("givenName").GetString());
        Assert.Equal(student.GetProperty("dateOfBirth").GetString(), document.GetProperty("student").GetProperty("dateOfBirth").GetString());

        var plan = Assert.Single(document.GetProperty("learningPlans").EnumerateArray());
        var versions = plan.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.All(versions, v =>
        {
            Assert.True(v.GetProperty("agreed").GetBoolean());
            Assert.Equal(
                ["Guardian", "PersonalTutor", "Student"],
                v.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("party").GetString()).Order());
            Assert.NotEqual(0, v.GetProperty("content").GetProperty("targets").GetArrayLength());
        });
        Assert.Contains(
            versions[1].GetProperty("changes").EnumerateArray().SelectMany(c => c.GetProperty("summary").EnumerateArray()),
            s => s.GetString()!.Contains("moved from rung", StringComparison.Ordinal));

        var portfolio = document.GetProperty("portfolio").EnumerateArray().ToList();
        var image = Assert.Single(portfolio, e => e.GetProperty("id").GetGuid() == DemoData.BridgemaryImageEntryId);
        var evidence = Assert.Single(image.GetProperty("evidence").EnumerateArray());
        Assert.Equal("image/png", evidence.GetProperty("contentType").GetString());
        Assert.Matches("^[0-9a-f]{64}$", evidence.GetProperty("sha256").GetString());
        Assert.True(evidence.GetProperty("sizeBytes").GetInt64() > 0);

        var record = document.GetProperty("recordOfAchievement").EnumerateArray().ToList();
        var endorsed = Assert.Single(record, e => e.GetProperty("id").GetGuid() == DemoData.BridgemaryEndorsedEntryId);
        Assert.Equal("Mr Bennett", endorsed.GetProperty("endorsedBy").GetString());
        Assert.DoesNotContain(record, e => e.GetProperty("id").GetGuid() == DemoData.BridgemaryImageEntryId);
    }

    [Fact]
    public async Task Export_IsACompactJwsWhosePayloadIsTheDocument_SignedWithTheSchoolsKey()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var key = await admin.GetFromJsonAsync<JsonElement>(SigningKey);

        var exported = await admin.ExportedAsync(Alex);

        var jws = Jws.Parse(exported.GetProperty("passport").GetString()!);
        var header = jws.HeaderJson;
        Assert.Equal("ES256", (string?)header["alg"]);
        Assert.Equal("learning-passport+jws", (string?)header["typ"]);
        Assert.Equal(key.GetProperty("keyId").GetString(), (string?)header["kid"]);
        Assert.Equal(64, jws.SignatureBytes.Length);
        var document = exported.GetProperty("document");
        Assert.Equal(key.GetProperty("keyId").GetString(), document.GetProperty("issuer").GetProperty("keyId").GetString());
        AssertSameDocument(document, JsonDocument.Parse(jws.PayloadText).RootElement);

        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        ecdsa.ImportFromPem(key.GetProperty("publicKeyPem").GetString());
        Assert.True(
            ecdsa.VerifyData(
                System.Text.Encoding.ASCII.GetBytes($"{jws.Header}.{jws.Payload}"), jws.SignatureBytes,
                System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            "Anyone with the school's public key can check the signature.");
    }

    [Fact]
    public async Task RoundTrip_FromBridgemaryToCramlington_IsImportedOnce_AndListedWithTheSameDocument()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var exported = await bridgemary.ExportedAsync(Alex);
        var passport = exported.GetProperty("passport").GetString()!;
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.ImportAsync(arrived, passport);

        await AssertStatus(response, HttpStatusCode.Created);
        Assert.Equal(Imports(arrived), response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(arrived, created.GetProperty("studentId").GetGuid());
        Assert.Equal("Bridgemary Community College", created.GetProperty("issuerName").GetString());

        var import = Assert.Single(await cramlington.ImportsAsync(arrived));
        Assert.Equal(created.GetProperty("id").GetGuid(), import.GetProperty("id").GetGuid());
        Assert.Equal(arrived, import.GetProperty("studentId").GetGuid());
        Assert.Equal("Bridgemary Community College", import.GetProperty("issuerName").GetString());
        Assert.Equal(Jws.Parse(passport).HeaderJson["kid"]!.GetValue<string>(), import.GetProperty("keyId").GetString());
        Assert.Equal(exported.GetProperty("document").GetProperty("issuedAt").GetDateTimeOffset(), import.GetProperty("issuedAt").GetDateTimeOffset());
        AssertSameDocument(exported.GetProperty("document"), import.GetProperty("document"));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(Jws.Parse(passport).PayloadText), JsonNode.Parse(import.GetProperty("document").GetRawText())),
            "The imported document is the signed payload itself.");

        var again = await cramlington.ImportAsync(arrived, passport);

        await again.AssertProblem(HttpStatusCode.Conflict);
        Assert.Single(await cramlington.ImportsAsync(arrived));
    }

    [Fact]
    public async Task Import_OfTheSamePassportPastedWithSurroundingWhitespace_IsStillADuplicate()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var passport = await bridgemary.PassportAsync(Alex);
        var arrived = await cramlington.NewStudentAsync();
        await AssertStatus(await cramlington.ImportAsync(arrived, passport), HttpStatusCode.Created);

        var again = await cramlington.ImportAsync(arrived, $"  {passport}\n");

        await again.AssertProblem(HttpStatusCode.Conflict);
        Assert.Single(await cramlington.ImportsAsync(arrived));
    }

    [Fact]
    public async Task Import_OfOnePassportForTwoStudents_IsAcceptedForEach()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var passport = await bridgemary.PassportAsync(Alex);
        var first = await cramlington.NewStudentAsync();
        var second = await cramlington.NewStudentAsync();

        await AssertStatus(await cramlington.ImportAsync(first, passport), HttpStatusCode.Created);
        await AssertStatus(await cramlington.ImportAsync(second, passport), HttpStatusCode.Created);

        Assert.Single(await cramlington.ImportsAsync(first));
        Assert.Single(await cramlington.ImportsAsync(second));
    }

    [Fact]
    public async Task RoundTrip_TheOtherWay_FromCramlingtonToBridgemary_IsImported()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var passport = await cramlington.PassportAsync(DemoData.CramlingtonStudentId);
        var arrived = await bridgemary.NewStudentAsync();

        var response = await bridgemary.ImportAsync(arrived, passport);

        await AssertStatus(response, HttpStatusCode.Created);
        var import = Assert.Single(await bridgemary.ImportsAsync(arrived));
        Assert.Equal("Cramlington Learning Village", import.GetProperty("issuerName").GetString());
    }

    [Fact]
    public async Task Imports_OfAStudentWithNone_IsAnEmptyList()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);

        Assert.Empty(await cramlington.ImportsAsync(DemoData.CramlingtonStudentId));
    }
}
