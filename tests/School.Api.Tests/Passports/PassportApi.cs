using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace School.Api.Tests.Passports;

/// <summary>Small steps the passport tests share, through the API.</summary>
internal static class PassportApi
{
    public const string Format = "next-practice-learning-passport/1";
    public const string NotVerified = "passport.not_verified";
    public const string Import = "/api/passports/import";
    public const string SigningKey = "/api/passports/signing-key";
    public const string TrustedKeys = "/api/passports/trusted-keys";

    /// <summary>A generated Bridgemary student tutored, mentored and parented by nobody with a demo account.</summary>
    public static readonly Guid OtherBridgemaryStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    public static string Export(Guid studentId) => $"/api/students/{studentId}/passport";

    public static string Archive(Guid studentId) => $"{Export(studentId)}/archive";

    public static string Imports(Guid studentId) => $"{Export(studentId)}/imports";

    /// <summary>The student's passport, exported by <paramref name="client"/> (who must be allowed to): <c>{ passport, document }</c>.</summary>
    public static async Task<JsonElement> ExportedAsync(this HttpClient client, Guid studentId)
    {
        var response = await client.GetAsync(Export(studentId));
        await AssertStatus(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Only the compact JWS of a fresh export.</summary>
    public static async Task<string> PassportAsync(this HttpClient client, Guid studentId) =>
        (await client.ExportedAsync(studentId)).GetProperty("passport").GetString()!;

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, Guid studentId, string passport) =>
        client.PostAsJsonAsync(Import, new { studentId, passport });

    /// <summary>The passports imported for a student, as <paramref name="client"/> sees them.</summary>
    public static async Task<List<JsonElement>> ImportsAsync(this HttpClient client, Guid studentId)
    {
        var response = await client.GetAsync(Imports(studentId));
        await AssertStatus(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    /// <summary>A new student of the admin's school (a pupil arriving from another school), returning their id.</summary>
    public static async Task<Guid> NewStudentAsync(this HttpClient admin, string givenName = "Alex")
    {
        var response = await admin.PostAsJsonAsync("/api/students", new
        {
            pupilNumber = $"P{Guid.NewGuid().ToString("N")[..10]}",
            givenName,
            familyName = "Newcomer",
            dateOfBirth = "2011-11-14",
            yearGroup = 10,
        });
        await AssertStatus(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A 422 saying the passport could not be verified.</summary>
    public static async Task AssertNotVerified(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(NotVerified, problem.GetProperty("code").GetString());
    }

    public static async Task AssertStatus(HttpResponseMessage response, HttpStatusCode expected)
    {
        if ((int)expected >= 400)
        {
            await response.AssertProblem(expected);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
    }

    /// <summary>The key id the format defines: base64url SHA-256 of the DER SubjectPublicKeyInfo.</summary>
    public static string KeyIdOf(string publicKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>
    /// <paramref name="node"/> without properties whose value is null: the signed payload leaves them out, while the
    /// API's own JSON writes them, so documents are compared on what they say.
    /// </summary>
    public static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (value is not null)
                    {
                        copy[name] = WithoutNulls(value);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(WithoutNulls).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    public static void AssertSameDocument(JsonElement expected, JsonElement actual) =>
        Assert.True(
            JsonNode.DeepEquals(WithoutNulls(JsonNode.Parse(expected.GetRawText())), WithoutNulls(JsonNode.Parse(actual.GetRawText()))),
            $"Documents differ.\nExpected: {expected.GetRawText()}\nActual:   {actual.GetRawText()}");
}

/// <summary>A compact JWS taken apart (header, payload, signature: base64url) so a test can read or alter it.</summary>
internal sealed record Jws(string Header, string Payload, string Signature)
{
    public static Jws Parse(string compact)
    {
        var parts = compact.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.Matches("^[A-Za-z0-9_-]+$", p));
        return new Jws(parts[0], parts[1], parts[2]);
    }

    public JsonObject HeaderJson => JsonNode.Parse(Decode(Header))!.AsObject();

    /// <summary>The signed document, exactly as its bytes say.</summary>
    public string PayloadText => Decode(Payload);

    public JsonObject PayloadJson => JsonNode.Parse(PayloadText)!.AsObject();

    public byte[] SignatureBytes => Base64Url.DecodeFromChars(Signature);

    public string Compact => $"{Header}.{Payload}.{Signature}";

    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static string Decode(string part) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(part));
}

/// <summary>
/// A school of another deployment: an ECDSA P-256 key the receiving school does not know until an admin registers it.
/// It signs passports exactly as the format says (ES256 compact JWS, key id = SHA-256 thumbprint of the public key).
/// </summary>
internal sealed class ForeignIssuer : IDisposable
{
    public const string Name = "Seaview Academy";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string KeyId => Base64Url.EncodeToString(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()));

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A compact JWS over <paramref name="payload"/>, with the standard header unless one is given.</summary>
    public string Sign(string payload, string? header = null)
    {
        header ??= new JsonObject { ["alg"] = "ES256", ["typ"] = "learning-passport+jws", ["kid"] = KeyId }.ToJsonString();
        var input = $"{Jws.Encode(header)}.{Jws.Encode(payload)}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{input}.{Jws.Encode(signature)}";
    }

    /// <summary>
    /// The document of <paramref name="passport"/>, re-issued by this school: its issuer names this school and key
    /// (unless <paramref name="keepIssuer"/>), then <paramref name="change"/> is applied, and it is signed with this key.
    /// </summary>
    public string Reissue(string passport, bool keepIssuer = false, Action<JsonObject>? change = null)
    {
        var document = Jws.Parse(passport).PayloadJson;
        if (!keepIssuer)
        {
            document["issuer"]!["schoolName"] = Name;
            document["issuer"]!["keyId"] = KeyId;
        }

        change?.Invoke(document);
        return Sign(document.ToJsonString());
    }

    public void Dispose() => _key.Dispose();
}
