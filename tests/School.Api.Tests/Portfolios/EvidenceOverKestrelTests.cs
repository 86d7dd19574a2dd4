using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

/// <summary>The API on a real Kestrel server, whose request-size limits the in-memory test server does not apply.</summary>
public sealed class KestrelSchoolApiFactory : SchoolApiFactory
{
    public KestrelSchoolApiFactory() => UseKestrel(0);
}

/// <summary>
/// The evidence endpoint alone takes bodies up to the evidence limit (25 MB by default); every other endpoint keeps
/// the server's 1 MB limit.
/// </summary>
public sealed class EvidenceOverKestrelTests(KestrelSchoolApiFactory factory) : IClassFixture<KestrelSchoolApiFactory>
{
    private const int TwentyFiveMegabytes = 25 * 1024 * 1024;

    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Upload_OfExactly25MB_IsAcceptedAndComesBackWhole()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var pdf = SampleFiles.Starting(SampleFiles.Ascii("%PDF-1.7\n"), TwentyFiveMegabytes);

        var evidence = await student.UploadedAsync(Alex, entry.Id(), pdf, "big.pdf");
        var download = await student.GetByteArrayAsync(evidence.GetProperty("url").GetString());

        Assert.Equal(TwentyFiveMegabytes, evidence.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(pdf, download);
    }

    [Fact]
    public async Task Upload_OneByteOver25MB_Is413()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var response = await student.UploadAsync(Alex, entry.Id(), SampleFiles.Starting(SampleFiles.Ascii("%PDF-1.7\n"), TwentyFiveMegabytes + 1));

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task OtherEndpoints_KeepThe1MBLimit()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var response = await student.PostAsJsonAsync(Entries(Alex), EntryBody(reflection: new string('x', 2 * 1024 * 1024)));

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }
}
