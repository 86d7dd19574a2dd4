using System.Security.Cryptography;
using System.Text.Json.Nodes;
using static School.Api.Tests.Passports.PassportApi;

namespace School.Api.Tests.Passports;

/// <summary>
/// A passport that was altered, cut short or signed by a key the receiving school does not trust is refused with 422
/// (<c>passport.not_verified</c>) and nothing is imported. A key from another deployment counts once an admin of the
/// receiving school has registered it, and only for that school.
/// </summary>
public sealed class PassportTamperTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    public static TheoryData<string> Tampering =>
    [
        "a target moved up a rung in the payload",
        "a pupil's name changed in the payload",
        "one character of the payload changed",
        "one byte of the signature changed",
        "the signature of another passport",
        "the header changed",
        "the header saying alg none and no signature",
        "the signature dropped",
        "an empty signature",
        "cut in the middle",
        "cut short by one character",
        "an extra part",
        "garbage text",
        "three parts of garbage",
        "re-signed with an unknown key",
    ];

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Import_OfATamperedPassport_Is422AndImportsNothing(string tampering)
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var passport = await bridgemary.PassportAsync(Alex);
        var tampered = await TamperAsync(bridgemary, passport, tampering);
        Assert.NotEqual(passport, tampered);
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.ImportAsync(arrived, tampered);

        await response.AssertNotVerified();
        Assert.Empty(await cramlington.ImportsAsync(arrived));

        // The untouched passport still goes in: the refusal left nothing behind that gets in its way.
        await AssertStatus(await cramlington.ImportAsync(arrived, passport), HttpStatusCode.Created);
        Assert.Single(await cramlington.ImportsAsync(arrived));
    }

    [Fact]
    public async Task Import_SignedByAnotherDeploymentsSchool_Is422_UntilAnAdminTrustsItsKey_ThenIsImported()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var seaview = new ForeignIssuer();
        var passport = seaview.Reissue(await bridgemary.PassportAsync(Alex));
        var arrived = await cramlington.NewStudentAsync();

        await (await cramlington.ImportAsync(arrived, passport)).AssertNotVerified();
        Assert.Empty(await cramlington.ImportsAsync(arrived));

        var trust = await cramlington.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem });

        await AssertStatus(trust, HttpStatusCode.Created);
        Assert.Equal(seaview.KeyId, (await trust.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyId").GetString());

        var response = await cramlington.ImportAsync(arrived, passport);

        await AssertStatus(response, HttpStatusCode.Created);
        var import = Assert.Single(await cramlington.ImportsAsync(arrived));
        Assert.Equal(seaview.KeyId, import.GetProperty("keyId").GetString());
        Assert.Equal(ForeignIssuer.Name, import.GetProperty("issuerName").GetString());
        Assert.True(JsonNode.DeepEquals(Jws.Parse(passport).PayloadJson, JsonNode.Parse(import.GetProperty("document").GetRawText())));
    }

    [Fact]
    public async Task TrustedKey_CountsOnlyForTheSchoolWhoseAdminRegisteredIt()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var seaview = new ForeignIssuer();
        var passport = seaview.Reissue(await bridgemary.PassportAsync(Alex));
        await AssertStatus(
            await cramlington.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem }),
            HttpStatusCode.Created);
        var arrived = await bridgemary.NewStudentAsync();

        var response = await bridgemary.ImportAsync(arrived, passport);

        await response.AssertNotVerified();
        Assert.Empty(await bridgemary.ImportsAsync(arrived));
    }

    [Fact]
    public async Task Import_SignedByATrustedKey_ButNamingAnotherKeyAsIssuer_Is422()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var seaview = new ForeignIssuer();
        await AssertStatus(
            await cramlington.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem }),
            HttpStatusCode.Created);
        // Seaview signs a document that still claims to be issued with Bridgemary's key.
        var passport = seaview.Reissue(await bridgemary.PassportAsync(Alex), keepIssuer: true);
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.ImportAsync(arrived, passport);

        await response.AssertNotVerified();
        Assert.Empty(await cramlington.ImportsAsync(arrived));
    }

    [Theory]
    [InlineData("next-practice-learning-passport/2")]
    [InlineData("something-else")]
    public async Task Import_SignedByATrustedKey_InAnUnknownFormat_Is422(string format)
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var seaview = new ForeignIssuer();
        await AssertStatus(
            await cramlington.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem }),
            HttpStatusCode.Created);
        var passport = seaview.Reissue(await bridgemary.PassportAsync(Alex), change: d => d["format"] = format);
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.ImportAsync(arrived, passport);

        await response.AssertNotVerified();
        Assert.Empty(await cramlington.ImportsAsync(arrived));
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    [InlineData("not json at all")]
    [InlineData("{}")]
    public async Task Import_SignedByATrustedKey_WhosePayloadIsNotAPassport_Is422(string payload)
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var seaview = new ForeignIssuer();
        await AssertStatus(
            await cramlington.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem }),
            HttpStatusCode.Created);
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.ImportAsync(arrived, seaview.Sign(payload));

        await response.AssertNotVerified();
        Assert.Empty(await cramlington.ImportsAsync(arrived));
    }

    [Fact]
    public async Task TrustedKey_RegisteredTwice_Is409()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var seaview = new ForeignIssuer();
        var body = new { issuerName = ForeignIssuer.Name, publicKeyPem = seaview.PublicKeyPem };
        await AssertStatus(await cramlington.PostAsJsonAsync(TrustedKeys, body), HttpStatusCode.Created);

        var again = await cramlington.PostAsJsonAsync(TrustedKeys, body);

        await again.AssertProblem(HttpStatusCode.Conflict);
    }

    public static TheoryData<string, string> NotAP256PublicKey
    {
        get
        {
            using var rsa = RSA.Create(2048);
            using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var pem = p256.ExportSubjectPublicKeyInfoPem();
            return new TheoryData<string, string>
            {
                { "empty", "" },
                { "text", "please trust me" },
                { "an RSA key", rsa.ExportSubjectPublicKeyInfoPem() },
                { "a P-384 key", p384.ExportSubjectPublicKeyInfoPem() },
                { "a PEM cut short", pem[..(pem.Length / 2)] },
                { "a PEM with a broken body", pem.Replace("MFkw", "M!kw", StringComparison.Ordinal) },
            };
        }
    }

    [Theory]
    [MemberData(nameof(NotAP256PublicKey))]
    public async Task TrustedKey_ThatIsNotAP256PublicKeyPem_Is400NamingPublicKeyPem(string what, string publicKeyPem)
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var response = await cramlington.PostAsJsonAsync(TrustedKeys, new { issuerName = ForeignIssuer.Name, publicKeyPem });

        var problem = await response.AssertValidationProblem("publicKeyPem");
        Assert.False(problem.GetProperty("errors").TryGetProperty("issuerName", out _), what);
    }

    [Fact]
    public async Task TrustedKey_WithoutAnIssuerName_Is400NamingIssuerName()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var seaview = new ForeignIssuer();

        var response = await cramlington.PostAsJsonAsync(TrustedKeys, new { issuerName = "", publicKeyPem = seaview.PublicKeyPem });

        await response.AssertValidationProblem("issuerName");
    }

    /// <summary>The passport as someone trying to slip something past the receiving school would change it.</summary>
    private static async Task<string> TamperAsync(HttpClient bridgemary, string passport, string tampering)
    {
        var jws = Jws.Parse(passport);
        switch (tampering)
        {
            case "a target moved up a rung in the payload":
            {
                var document = jws.PayloadJson;
                var target = document["learningPlans"]![0]!["versions"]![1]!["content"]!["targets"]![0]!;
                target["currentRung"] = target["currentRung"]!.GetValue<int>() + 1;
                return (jws with { Payload = Jws.Encode(document.ToJsonString()) }).Compact;
            }

            case "a pupil's name changed in the payload":
                return (jws with { Payload = Jws.Encode(jws.PayloadText.Replace("\"Alex\"", "\"Alec\"", StringComparison.Ordinal)) }).Compact;
            case "one character of the payload changed":
                return (jws with { Payload = ChangeOneCharacter(jws.Payload, jws.Payload.Length / 2) }).Compact;
            case "one byte of the signature changed":
            {
                var signature = jws.SignatureBytes;
                signature[10] ^= 0x01;
                return (jws with { Signature = Jws.Encode(signature) }).Compact;
            }

            case "the signature of another passport":
                // A genuine signature by the same school with the same key, but over another student's passport.
                var other = Jws.Parse(await bridgemary.PassportAsync(OtherBridgemaryStudentId));
                return (jws with { Signature = other.Signature }).Compact;
            case "the header changed":
            {
                var header = jws.HeaderJson;
                header["typ"] = "JWT";
                return (jws with { Header = Jws.Encode(header.ToJsonString()) }).Compact;
            }

            case "the header saying alg none and no signature":
            {
                var header = jws.HeaderJson;
                header["alg"] = "none";
                return $"{Jws.Encode(header.ToJsonString())}.{jws.Payload}.";
            }

            case "the signature dropped":
                return $"{jws.Header}.{jws.Payload}";
            case "an empty signature":
                return $"{jws.Header}.{jws.Payload}.";
            case "cut in the middle":
                return passport[..(passport.Length / 2)];
            case "cut short by one character":
                return passport[..^1];
            case "an extra part":
                return $"{passport}.{jws.Signature}";
            case "garbage text":
                return "This is not a learning passport, but please import it anyway.";
            case "three parts of garbage":
                return "abc.def!.ghi";
            case "re-signed with an unknown key":
            {
                using var unknown = new ForeignIssuer();
                return unknown.Reissue(passport);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }

    private static string ChangeOneCharacter(string base64Url, int index)
    {
        var chars = base64Url.ToCharArray();
        chars[index] = chars[index] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
