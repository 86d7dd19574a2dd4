using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

/// <summary>The demo student's portfolio, as the issue asks: entries of several kinds, one with an image, one endorsed.</summary>
public sealed class DemoPortfolioTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task DemoStudent_HasEntriesOfSeveralKindsAndVisibilities()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var entries = (await student.GetFromJsonAsync<JsonElement>(Entries(Alex))).EnumerateArray().ToList();

        Assert.InRange(entries.Count, 4, 5);
        Assert.True(entries.Select(e => e.GetProperty("kind").GetString()).Distinct().Count() >= 4);
        Assert.Equal(["Family", "Private", "Showcase"], entries.Select(e => e.GetProperty("visibility").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task DemoStudent_EndorsedEntry_WasEndorsedByTheDemoTeacher()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);

        var entry = await parent.GetFromJsonAsync<JsonElement>(Entry(Alex, DemoData.BridgemaryEndorsedEntryId));

        Assert.Equal("Achievement", entry.GetProperty("kind").GetString());
        Assert.Equal(DemoData.BridgemaryTeacherId, entry.GetProperty("endorsement").GetProperty("endorsedBy").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task DemoStudent_ImageEntry_HasAPngThatDownloads()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);
        var entry = await parent.GetFromJsonAsync<JsonElement>(Entry(Alex, DemoData.BridgemaryImageEntryId));
        var evidence = Assert.Single(entry.GetProperty("evidence").EnumerateArray());

        var response = await parent.GetAsync(evidence.GetProperty("url").GetString());

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(evidence.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        Assert.Equal(evidence.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']));
    }

    [Fact]
    public async Task DemoStudent_Showcase_HasTwoEntriesInOrder()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);

        var showcase = await parent.GetFromJsonAsync<JsonElement>(Showcase(Alex));

        var entries = showcase.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal([1, 2], entries.Select(e => e.GetProperty("showcaseOrder").GetInt32()));
        Assert.Contains(DemoData.BridgemaryImageEntryId, showcase.GetProperty("entries").Ids());
    }
}
