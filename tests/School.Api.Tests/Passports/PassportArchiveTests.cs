using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using static School.Api.Tests.Passports.PassportApi;

namespace School.Api.Tests.Passports;

/// <summary>
/// The passport with every evidence file as one zip: <c>passport.jws</c>, <c>passport.json</c> and
/// <c>evidence/{sha256}/{fileName}</c>, so the receiving school can check each file against the signed hashes.
/// </summary>
public sealed class PassportArchiveTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Archive_OfTheDemoStudent_IsAZipWithTheSignedPassportItsDocumentAndEveryEvidenceFile()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var fresh = Jws.Parse(await admin.PassportAsync(Alex));

        var response = await admin.GetAsync(Archive(Alex));

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("learning-passport-BMC10001.zip", disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
        var files = await Unzip(response);

        var jws = Jws.Parse(Text(files["passport.jws"]));
        Assert.Equal(fresh.HeaderJson.ToJsonString(), jws.HeaderJson.ToJsonString());
        Assert.Equal(64, jws.SignatureBytes.Length);
        var json = JsonNode.Parse(files["passport.json"])!;
        Assert.True(JsonNode.DeepEquals(jws.PayloadJson, json), "passport.json is the signed document.");
        Assert.Equal(Format, (string?)json["format"]);

        var evidence = json["portfolio"]!.AsArray().SelectMany(e => e!["evidence"]!.AsArray()).ToList();
        var image = json["portfolio"]!.AsArray().Single(e => e!["id"]!.GetValue<Guid>() == DemoData.BridgemaryImageEntryId)!["evidence"]![0]!;
        Assert.Contains($"evidence/{(string?)image["sha256"]}/{(string?)image["fileName"]}", files.Keys);
        Assert.Equal(
            evidence.Select(e => (string?)e!["sha256"]).Distinct().Order(),
            files.Keys.Where(k => k.StartsWith("evidence/", StringComparison.Ordinal)).Select(k => k.Split('/')[1]).Order());
        foreach (var (name, bytes) in files.Where(f => f.Key.StartsWith("evidence/", StringComparison.Ordinal)))
        {
            Assert.Equal(name.Split('/')[1], Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        Assert.Equal(2 + evidence.Select(e => (string?)e!["sha256"]).Distinct().Count(), files.Count);
    }

    [Fact]
    public async Task Archive_ImageEvidence_IsTheSameFileTheEntryServes()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var entry = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{Alex}/portfolio/entries/{DemoData.BridgemaryImageEntryId}");
        var evidence = Assert.Single(entry.GetProperty("evidence").EnumerateArray());
        var served = await admin.GetByteArrayAsync(evidence.GetProperty("url").GetString());

        var files = await Unzip(await admin.GetAsync(Archive(Alex)));

        Assert.Equal(served, files[$"evidence/{evidence.GetProperty("sha256").GetString()}/{evidence.GetProperty("fileName").GetString()}"]);
    }

    [Fact]
    public async Task Archive_PassportJws_IsImportedByTheOtherSchool()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var files = await Unzip(await bridgemary.GetAsync(Archive(Alex)));
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.ImportAsync(arrived, Text(files["passport.jws"]));

        await AssertStatus(response, HttpStatusCode.Created);
        var import = Assert.Single(await cramlington.ImportsAsync(arrived));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(files["passport.json"]), JsonNode.Parse(import.GetProperty("document").GetRawText())));
    }

    [Fact]
    public async Task Archive_OfAStudentWithNoEvidence_HoldsOnlyThePassport()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var arrived = await cramlington.NewStudentAsync();

        var files = await Unzip(await cramlington.GetAsync(Archive(arrived)));

        Assert.Equal(["passport.json", "passport.jws"], files.Keys.Order());
        Jws.Parse(Text(files["passport.jws"]));
    }

    private static async Task<Dictionary<string, byte[]>> Unzip(HttpResponseMessage response)
    {
        await AssertStatus(response, HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            files.Add(entry.FullName, copy.ToArray());
        }

        return files;
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
