using static School.Api.Tests.Passports.PassportApi;

namespace School.Api.Tests.Passports;

/// <summary>Each school's passport-signing key: shown to its admins, for schools of other deployments to register.</summary>
public sealed class PassportSigningKeyTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task SigningKey_AsAdmin_IsTheSchoolsPublicKeyWithItsThumbprintAsKeyId()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var key = await admin.GetFromJsonAsync<JsonElement>(SigningKey);

        var pem = key.GetProperty("publicKeyPem").GetString()!;
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", pem, StringComparison.Ordinal);
        Assert.Equal(KeyIdOf(pem), key.GetProperty("keyId").GetString());
        Assert.Equal(DemoData.BridgemaryId, key.GetProperty("schoolId").GetGuid());
    }

    [Fact]
    public async Task SigningKey_IsTheSameOnEveryCall_AndSignsTheSchoolsPassports()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var first = await admin.GetFromJsonAsync<JsonElement>(SigningKey);
        var passport = Jws.Parse(await admin.PassportAsync(DemoData.BridgemaryStudentId));
        var second = await admin.GetFromJsonAsync<JsonElement>(SigningKey);

        Assert.Equal(first.GetProperty("publicKeyPem").GetString(), second.GetProperty("publicKeyPem").GetString());
        Assert.Equal(first.GetProperty("keyId").GetString(), (string?)passport.HeaderJson["kid"]);
    }

    [Fact]
    public async Task SigningKey_OfEachSchool_IsItsOwn()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var bridgemaryKey = await bridgemary.GetFromJsonAsync<JsonElement>(SigningKey);
        var cramlingtonKey = await cramlington.GetFromJsonAsync<JsonElement>(SigningKey);

        Assert.Equal(DemoData.CramlingtonId, cramlingtonKey.GetProperty("schoolId").GetGuid());
        Assert.NotEqual(bridgemaryKey.GetProperty("keyId").GetString(), cramlingtonKey.GetProperty("keyId").GetString());
        Assert.NotEqual(bridgemaryKey.GetProperty("publicKeyPem").GetString(), cramlingtonKey.GetProperty("publicKeyPem").GetString());
        var cramlingtonPassport = Jws.Parse(await cramlington.PassportAsync(DemoData.CramlingtonStudentId));
        Assert.Equal(cramlingtonKey.GetProperty("keyId").GetString(), (string?)cramlingtonPassport.HeaderJson["kid"]);
    }
}
