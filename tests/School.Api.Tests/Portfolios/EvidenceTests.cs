using System.Net.Http.Headers;
using System.Security.Cryptography;
using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

/// <summary>Evidence files: the type is told from the content, never the name; empty is 400; the bytes come back unchanged.</summary>
public sealed class EvidenceTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Theory]
    [InlineData("photo.png", "photo.png")]
    [InlineData("holiday.pdf", "holiday.png")]
    [InlineData("no-extension", "no-extension.png")]
    [InlineData("PHOTO.PNG", "PHOTO.PNG")]
    [InlineData(@"C:\Users\sam\notes.html", "notes.png")]
    public async Task Upload_RealPng_IsImagePngWhateverItsName_AndItsNameEndsInPng(string fileName, string keptName)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var png = SampleFiles.Png();

        var response = await student.UploadAsync(Alex, entry.Id(), png, fileName, claimedType: "application/pdf");

        await AssertStatus(response, HttpStatusCode.Created);
        var evidence = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/png", evidence.GetProperty("contentType").GetString());
        Assert.Equal(keptName, evidence.GetProperty("fileName").GetString());
        Assert.Equal(png.Length, evidence.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), evidence.GetProperty("sha256").GetString());
        var url = evidence.GetProperty("url").GetString();
        Assert.Equal($"{Entry(Alex, entry.Id())}/evidence/{evidence.Id()}", url);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Upload_RealPdfNamedAsAnImage_IsApplicationPdf()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var entry = await tutor.NewEntryAsync(Alex);

        var evidence = await tutor.UploadedAsync(Alex, entry.Id(), SampleFiles.Pdf(), "scan.jpg");

        Assert.Equal("application/pdf", evidence.GetProperty("contentType").GetString());
    }

    public static TheoryData<string, byte[], string> AcceptedKinds => new()
    {
        { "JPEG", SampleFiles.Starting([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00]), "image/jpeg" },
        { "GIF", SampleFiles.Starting(SampleFiles.Ascii("GIF89a")), "image/gif" },
        { "WebP", SampleFiles.Starting(SampleFiles.Concat(SampleFiles.Ascii("RIFF"), [0x24, 0x10, 0, 0], SampleFiles.Ascii("WEBPVP8 "))), "image/webp" },
        { "MP3 with ID3", SampleFiles.Starting(SampleFiles.Concat(SampleFiles.Ascii("ID3"), [0x04, 0x00, 0x00])), "audio/mpeg" },
        { "MP3 frame", SampleFiles.Starting([0xFF, 0xFB, 0x90, 0x64]), "audio/mpeg" },
        { "WAV", SampleFiles.Starting(SampleFiles.Concat(SampleFiles.Ascii("RIFF"), [0x24, 0x08, 0, 0], SampleFiles.Ascii("WAVEfmt "))), "audio/wav" },
        { "Ogg", SampleFiles.Starting(SampleFiles.Concat(SampleFiles.Ascii("OggS"), [0x00, 0x02], new byte[22], [0x01], SampleFiles.Ascii("vorbis"))), "audio/ogg" },
        { "MP4", SampleFiles.Starting(SampleFiles.Concat([0, 0, 0, 0x18], SampleFiles.Ascii("ftypisom"), [0, 0, 2, 0], SampleFiles.Ascii("isomiso2"))), "video/mp4" },
        { "M4A", SampleFiles.Starting(SampleFiles.Concat([0, 0, 0, 0x20], SampleFiles.Ascii("ftypM4A "), [0, 0, 0, 0], SampleFiles.Ascii("M4A mp42"))), "audio/mp4" },
        { "MOV", SampleFiles.Starting(SampleFiles.Concat([0, 0, 0, 0x14], SampleFiles.Ascii("ftypqt  "), [0, 0, 2, 0], SampleFiles.Ascii("qt  "))), "video/quicktime" },
        { "WebM", SampleFiles.Starting(SampleFiles.Concat([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], SampleFiles.Ascii("webm"))), "video/webm" },
        { "PowerPoint", SampleFiles.Pptx(), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "OpenDocument slides", SampleFiles.Odp(), "application/vnd.oasis.opendocument.presentation" },
    };

    [Theory]
    [MemberData(nameof(AcceptedKinds))]
    public async Task Upload_EachAcceptedKind_IsToldFromItsContent(string kind, byte[] bytes, string contentType)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var evidence = await student.UploadedAsync(Alex, entry.Id(), bytes, $"{kind}.txt");

        Assert.Equal(contentType, evidence.GetProperty("contentType").GetString());
    }

    public static TheoryData<string, byte[]> RefusedContent => new()
    {
        { "text named .png", SampleFiles.Ascii("This is not really a picture, just some text in a file called photo.png.") },
        { "a Word document", SampleFiles.Docx() },
        { "a Java archive with a ppt/ folder", SampleFiles.JarWithPptFolder() },
        { "a ppt/ folder without ppt/presentation.xml", SampleFiles.PptFolderWithoutPresentation() },
        { "a HEIC photo", SampleFiles.Starting(SampleFiles.Concat([0, 0, 0, 0x18], SampleFiles.Ascii("ftypheic"), [0, 0, 0, 0], SampleFiles.Ascii("mif1heic"))) },
        { "a Matroska video", SampleFiles.Starting(SampleFiles.Concat([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], SampleFiles.Ascii("matroska"))) },
        { "a program", SampleFiles.Starting(SampleFiles.Ascii("MZ\u0090\0")) },
        { "a broken zip", SampleFiles.Starting(SampleFiles.Ascii("PK\u0003\u0004")) },
        { "one byte", [0xFF] },
    };

    [Theory]
    [MemberData(nameof(RefusedContent))]
    public async Task Upload_ContentOfNoAcceptedType_Is415AndKeepsNothing(string what, byte[] bytes)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var filesBefore = StoredFiles();

        var response = await student.UploadAsync(Alex, entry.Id(), bytes, "photo.png", claimedType: "image/png");

        var problem = await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("evidence.unsupported_type", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), what);
        await AssertNoEvidence(student, entry.Id());
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task Upload_ZeroBytes_Is400NamingFile()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var response = await student.UploadAsync(Alex, entry.Id(), [], "empty.png", "image/png");

        await response.AssertValidationProblem("file");
        await AssertNoEvidence(student, entry.Id());
    }

    [Fact]
    public async Task Upload_WithoutAFileField_Is400NamingFile()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var response = await student.UploadAsync(Alex, entry.Id(), SampleFiles.Png(), "photo.png", "image/png", field: "picture");

        await response.AssertValidationProblem("file");
    }

    [Fact]
    public async Task Upload_NotAForm_Is415()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var response = await student.PostAsJsonAsync($"{Entry(Alex, entry.Id())}/evidence", new { file = Convert.ToBase64String(SampleFiles.Png()) });

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "this is not a multipart body at all")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nno closing boundary")]
    [InlineData("multipart/form-data; boundary=x", "")]
    public async Task Upload_BrokenMultipartForm_Is400NamingFile(string contentType, string body)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await student.PostAsync($"{Entry(Alex, entry.Id())}/evidence", content);

        await response.AssertValidationProblem("file");
        await AssertNoEvidence(student, entry.Id());
    }

    [Fact]
    public async Task Upload_ToAnUnknownEntry_Is404()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var response = await student.UploadAsync(Alex, Guid.NewGuid(), SampleFiles.Png());

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Accounts.Parent)]
    [InlineData(Accounts.Teacher)]
    [InlineData(Accounts.Mentor)]
    public async Task Upload_BySomeoneWhoMaySeeButNotWrite_Is403AndKeepsNothing(string caller)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var client = await factory.ClientFor(caller);
        var entry = await student.NewEntryAsync(Alex, visibility: "Family");
        var filesBefore = StoredFiles();

        var response = await client.UploadAsync(Alex, entry.Id(), SampleFiles.Png());

        await response.AssertProblem(HttpStatusCode.Forbidden);
        await AssertNoEvidence(student, entry.Id());
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task Upload_MoreThanTwentyFiles_Is409AndKeepsNoExtraFile()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        for (var i = 0; i < 20; i++)
        {
            await student.UploadedAsync(Alex, entry.Id(), SampleFiles.Png(), $"page-{i}.png");
        }

        var filesBefore = StoredFiles();

        var response = await student.UploadAsync(Alex, entry.Id(), SampleFiles.Png(), "one-too-many.png");

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(filesBefore, StoredFiles());
        Assert.Equal(20, (await student.GetFromJsonAsync<JsonElement>(Entry(Alex, entry.Id()))).GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task Upload_IsListedOnTheEntryAndBumpsItsVersion()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var evidence = await student.UploadedAsync(Alex, entry.Id(), SampleFiles.Pdf(), "essay.pdf");

        var after = await student.GetFromJsonAsync<JsonElement>(Entry(Alex, entry.Id()));
        var listed = Assert.Single(after.GetProperty("evidence").EnumerateArray());
        Assert.Equal(evidence.Id(), listed.Id());
        Assert.Equal(evidence.GetProperty("url").GetString(), listed.GetProperty("url").GetString());
        Assert.Equal(1u, after.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task Download_ReturnsTheSameBytesWithTheSniffedTypeAndTheFileNameEndingInThatType()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var entry = await student.NewEntryAsync(Alex, visibility: "Family");
        var pdf = SampleFiles.Pdf();
        var evidence = await student.UploadedAsync(Alex, entry.Id(), pdf, "My essay.png");

        var response = await parent.GetAsync(evidence.GetProperty("url").GetString());

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("My essay.pdf", disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Download_OfAPngUploadedAsHtml_IsAnAttachmentNamedPng()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var evidence = await student.UploadedAsync(Alex, entry.Id(), SampleFiles.Png(), "notes.html");

        var response = await student.GetAsync(evidence.GetProperty("url").GetString());

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("notes.png", disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
        Assert.Equal("notes.png", evidence.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_ARealPowerPointNamedAnything_IsSlidesNamedPptx()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var evidence = await student.UploadedAsync(Alex, entry.Id(), SampleFiles.PptxWithZeros(16 * 1024), "deck.zip");

        Assert.Equal("application/vnd.openxmlformats-officedocument.presentationml.presentation", evidence.GetProperty("contentType").GetString());
        Assert.Equal("deck.pptx", evidence.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_SlidesDeclaringMoreThanTheUnpackedLimit_Is413WithoutUnpackingAndKeepsNothing()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var filesBefore = StoredFiles();
        var bomb = SampleFiles.PptxClaimingToUnpackTo(200 * 1024 * 1024);

        var response = await student.UploadAsync(Alex, entry.Id(), bomb, "deck.pptx");

        Assert.True(bomb.Length < 16 * 1024, "the archive itself is small");
        var problem = await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("evidence.unpacks_too_large", problem.GetProperty("code").GetString());
        Assert.Contains("100 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        await AssertNoEvidence(student, entry.Id());
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task Upload_SlidesCompressedMoreThan100To1_Is422AndKeepsNothing()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var filesBefore = StoredFiles();
        var bomb = SampleFiles.PptxWithZeros(4 * 1024 * 1024); // 4 MB of zeros packs to a few KB

        var response = await student.UploadAsync(Alex, entry.Id(), bomb, "deck.pptx");

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("evidence.compressed_too_far", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        await AssertNoEvidence(student, entry.Id());
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task Download_OfAPrivateEntrysFile_Is404ForTheParent_And200ForStaff()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var entry = await student.NewEntryAsync(Alex, visibility: "Private");
        var url = (await student.UploadedAsync(Alex, entry.Id(), SampleFiles.Png())).GetProperty("url").GetString();

        var parentResponse = await parent.GetAsync(url);
        var teacherResponse = await teacher.GetAsync(url);

        await parentResponse.AssertProblem(HttpStatusCode.NotFound);
        await AssertStatus(teacherResponse, HttpStatusCode.OK);
        Assert.Equal(SampleFiles.Png(), await teacherResponse.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_ThroughAnotherEntrysAddress_Is404()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var first = await student.NewEntryAsync(Alex);
        var second = await student.NewEntryAsync(Alex);
        var evidence = await student.UploadedAsync(Alex, first.Id(), SampleFiles.Png());

        var response = await student.GetAsync($"{Entry(Alex, second.Id())}/evidence/{evidence.Id()}");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Download_ByAnotherSchool_Is404()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var entry = await student.NewEntryAsync(Alex, visibility: "Showcase");
        var url = (await student.UploadedAsync(Alex, entry.Id(), SampleFiles.Png())).GetProperty("url").GetString();

        var response = await cramlington.GetAsync(url);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    /// <summary>The evidence files on disk, relative to the data directory.</summary>
    private List<string> StoredFiles()
    {
        var folder = Path.Combine(factory.DataDirectory, "evidence");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(factory.DataDirectory, f)).Order().ToList()
            : [];
    }

    private static async Task AssertNoEvidence(HttpClient client, Guid entryId)
    {
        var entry = await client.GetFromJsonAsync<JsonElement>(Entry(Alex, entryId));
        Assert.Equal(0, entry.GetProperty("evidence").GetArrayLength());
        Assert.Equal(0u, entry.GetProperty("version").GetUInt32());
    }
}

/// <summary>A host whose evidence limit is 1 KB, so the size limit can be tested with small files.</summary>
public sealed class SmallEvidenceLimitFactory : SchoolApiFactory
{
    public const int Limit = 1024;

    public const int UnpackedLimit = 64 * 1024;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Portfolio:MaxEvidenceBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Portfolio:MaxUnpackedBytes"] = UnpackedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return settings;
        }
    }
}

public sealed class EvidenceSizeLimitTests(SmallEvidenceLimitFactory factory) : IClassFixture<SmallEvidenceLimitFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Upload_AtTheLimit_IsAccepted()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);

        var response = await student.UploadAsync(Alex, entry.Id(), SampleFiles.Starting(SampleFiles.Ascii("%PDF-1.4\n"), SmallEvidenceLimitFactory.Limit));

        await AssertStatus(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Is413NamingFileAndKeepsNothing()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var filesBefore = StoredFileCount();

        var response = await student.UploadAsync(Alex, entry.Id(), SampleFiles.Starting(SampleFiles.Ascii("%PDF-1.4\n"), SmallEvidenceLimitFactory.Limit + 1));

        var problem = await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("evidence.too_large", problem.GetProperty("code").GetString());
        Assert.Contains("1 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await student.GetFromJsonAsync<JsonElement>(Entry(Alex, entry.Id()));
        Assert.Equal(0, after.GetProperty("evidence").GetArrayLength());
        Assert.Equal(filesBefore, StoredFileCount());
    }

    [Fact]
    public async Task Upload_SlidesUnpackingPastTheConfiguredLimit_Is413NamingThatLimit()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var slides = SampleFiles.PptxWithZeros(SmallEvidenceLimitFactory.UnpackedLimit + 1);

        var response = await student.UploadAsync(Alex, entry.Id(), slides, "deck.pptx");

        Assert.True(slides.Length <= SmallEvidenceLimitFactory.Limit, "the file itself is within the upload limit");
        var problem = await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("evidence.unpacks_too_large", problem.GetProperty("code").GetString());
        Assert.Contains("64 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_DeclaringABodyFarOverTheLimit_Is413BeforeTheBodyIsRead()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex);
        var content = new ByteArrayContent(new byte[200 * 1024]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        var response = await student.PostAsync($"{Entry(Alex, entry.Id())}/evidence", content);

        var problem = await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("evidence.too_large", problem.GetProperty("code").GetString());
    }

    private int StoredFileCount()
    {
        var folder = Path.Combine(factory.DataDirectory, "evidence");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }
}
