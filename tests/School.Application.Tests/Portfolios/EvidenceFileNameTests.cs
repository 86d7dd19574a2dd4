using School.Application.Portfolios;
using School.Domain.Portfolios;

namespace School.Application.Tests.Portfolios;

/// <summary>The name an evidence file is kept and served under ends in its detected type's extension.</summary>
public class EvidenceFileNameTests
{
    [Theory]
    [InlineData("notes.html", "notes.png")]
    [InlineData("notes.PNG", "notes.PNG")]
    [InlineData("holiday", "holiday.png")]
    [InlineData("archive.tar.gz", "archive.tar.png")]
    [InlineData("../../etc/passwd", "passwd.png")]
    [InlineData("C:\\Users\\sam\\My \"best\" photo.exe", "My best photo.png")]
    [InlineData("", "evidence.png")]
    [InlineData(null, "evidence.png")]
    [InlineData(".profile", ".profile.png")]
    public void For_APng_EndsInPng(string? uploaded, string kept)
    {
        Assert.Equal(kept, EvidenceFileName.For(uploaded, EvidenceTypes.Png));
    }

    [Theory]
    [InlineData("photo.jpeg", "photo.jpeg")]
    [InlineData("photo.JPG", "photo.JPG")]
    [InlineData("photo.png", "photo.jpg")]
    public void For_AJpeg_KeepsEitherUsualExtension(string uploaded, string kept)
    {
        Assert.Equal(kept, EvidenceFileName.For(uploaded, EvidenceTypes.Jpeg));
    }

    [Fact]
    public void For_ANameAtTheLimit_IsShortenedToKeepTheRightExtension()
    {
        var uploaded = new string('a', PortfolioEvidence.FileNameMaxLength - 2) + ".h";

        var kept = EvidenceFileName.For(uploaded, EvidenceTypes.Pptx);

        Assert.Equal(PortfolioEvidence.FileNameMaxLength, kept.Length);
        Assert.EndsWith("a.pptx", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void For_AStoredNameAndItsContentType_IsServedWithThatTypesExtension()
    {
        Assert.Equal("notes.pdf", EvidenceFileName.For("notes.html", EvidenceTypes.Pdf.ContentType));
    }
}
