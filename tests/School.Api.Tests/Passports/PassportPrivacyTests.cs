using System.Security.Cryptography;

namespace School.Api.Tests.Passports;

public sealed class PassportPrivacyTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task AParentsExport_LeavesOutTheChildsPrivateEntries_WhileTheStudentsKeepsThem()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);
        using var student = await factory.ClientFor(Accounts.Student);
        var url = $"/api/students/{DemoData.BridgemaryStudentId}/passport";

        var parentsEntries = await parent.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}/portfolio/entries");
        var fromParent = await parent.GetFromJsonAsync<JsonElement>(url);
        var fromStudent = await student.GetFromJsonAsync<JsonElement>(url);

        static HashSet<Guid> Ids(JsonElement entries) => entries.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToHashSet();
        var exportedToParent = Ids(fromParent.GetProperty("document").GetProperty("portfolio"));
        var exportedToStudent = Ids(fromStudent.GetProperty("document").GetProperty("portfolio"));
        Assert.Equal(Ids(parentsEntries), exportedToParent);
        Assert.True(exportedToStudent.Count > exportedToParent.Count, "the student's own export includes their private entries");
    }

    [Fact]
    public async Task RegisteringAPrivateKeyAsTrusted_Is400_AndNothingIsStored()
    {
        using var admin = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var response = await admin.PostAsJsonAsync("/api/passports/trusted-keys", new { issuerName = "Somewhere", publicKeyPem = key.ExportPkcs8PrivateKeyPem() });
        var retry = await admin.PostAsJsonAsync("/api/passports/trusted-keys", new { issuerName = "Somewhere", publicKeyPem = key.ExportSubjectPublicKeyInfoPem() });

        await response.AssertValidationProblem("publicKeyPem");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }
}
