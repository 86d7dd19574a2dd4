using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Domain.Tests.Portfolios;

public class PortfolioEntryTests
{
    [Fact]
    public void Create_TidiesTheTextAndKeepsEachSubjectOnce()
    {
        var entry = PortfolioEntry.Create(
            A.Id(), A.SchoolId(), A.Id(), "  Rocket car ", null, new DateOnly(2026, 9, 1), PortfolioEntryKind.OutOfSchool,
            [" Science ", "D&T", "science"], PortfolioVisibility.Private, 0, A.Id(), P.Now);

        Assert.Equal("Rocket car", entry.Title);
        Assert.Equal(string.Empty, entry.Reflection);
        Assert.Equal(["Science", "D&T"], entry.Subjects);
        Assert.Equal(PortfolioVisibility.Private, entry.Visibility);
        Assert.Null(entry.ShowcaseOrder);
        Assert.Null(entry.Endorsement);
        Assert.Equal(0u, entry.Version);
    }

    [Fact]
    public void Create_AsShowcase_GoesAfterTheLastEntryOfTheShowcase()
    {
        var entry = P.Entry(visibility: PortfolioVisibility.Showcase, lastShowcasePosition: 3);

        Assert.Equal(PortfolioVisibility.Showcase, entry.Visibility);
        Assert.Equal(4, entry.ShowcaseOrder);
    }

    [Fact]
    public void Create_MoreThanTenSubjects_IsAProgrammingError()
    {
        var subjects = Enumerable.Range(1, 11).Select(i => $"Subject {i}").ToArray();

        Assert.Throws<ArgumentException>(() => P.Entry(subjects: subjects));
    }

    [Fact]
    public void Create_UnknownKind_IsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => P.Entry(kind: (PortfolioEntryKind)42));
    }

    [Fact]
    public void Endorse_RecordsWhoAndWhenAndBumpsTheVersion()
    {
        var entry = P.Entry();
        var teacher = A.Id();

        var result = entry.Endorse(teacher, "Mr Bennett", P.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(teacher, entry.Endorsement?.EndorsedBy);
        Assert.Equal("Mr Bennett", entry.Endorsement?.EndorsedByName);
        Assert.Equal(P.Now, entry.Endorsement?.EndorsedAt);
        Assert.True(entry.IsEndorsed);
        Assert.Equal(1u, entry.Version);
    }

    [Fact]
    public void Endorse_Twice_IsAConflictAndKeepsTheFirst()
    {
        var entry = P.Entry();
        var first = A.Id();
        entry.Endorse(first, "Mr Bennett", P.Now);

        var result = entry.Endorse(A.Id(), "Mrs Whitfield", P.Now.AddDays(1));

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("portfolio.already_endorsed", result.Error?.Code);
        Assert.Contains("Mr Bennett", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(first, entry.Endorsement?.EndorsedBy);
        Assert.Equal(1u, entry.Version);
    }

    [Fact]
    public void Update_ChangesTheFieldsAndBumpsTheVersion()
    {
        var entry = P.Entry();

        var result = entry.Update("Straw bridge, v2", "Held 5 kg.", new DateOnly(2026, 9, 5), PortfolioEntryKind.Achievement, ["Physics"],
            PortfolioVisibility.Private, 0);

        Assert.True(result.IsSuccess);
        Assert.Equal("Straw bridge, v2", entry.Title);
        Assert.Equal("Held 5 kg.", entry.Reflection);
        Assert.Equal(new DateOnly(2026, 9, 5), entry.Date);
        Assert.Equal(PortfolioEntryKind.Achievement, entry.Kind);
        Assert.Equal(["Physics"], entry.Subjects);
        Assert.Equal(PortfolioVisibility.Private, entry.Visibility);
        Assert.Equal(1u, entry.Version);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("reflection")]
    [InlineData("date")]
    [InlineData("kind")]
    public void Update_EndorsedEntrysSubstance_IsAConflictAndChangesNothing(string field)
    {
        var entry = P.Entry();
        entry.Endorse(A.Id(), "Mr Bennett", P.Now);

        var result = entry.Update(
            field == "title" ? "Another title" : entry.Title,
            field == "reflection" ? "Another reflection" : entry.Reflection,
            field == "date" ? entry.Date.AddDays(1) : entry.Date,
            field == "kind" ? PortfolioEntryKind.Achievement : entry.Kind,
            ["History"],
            PortfolioVisibility.Private,
            0);

        Assert.Equal(PortfolioErrors.EndorsedEntryLocked, result.Error);
        Assert.Equal("Bridge made of straws", entry.Title);
        Assert.Equal(["Science"], entry.Subjects);
        Assert.Equal(PortfolioVisibility.Family, entry.Visibility);
        Assert.Equal(1u, entry.Version);
    }

    [Fact]
    public void Update_EndorsedEntrysVisibilityAndSubjects_IsAllowed()
    {
        var entry = P.Entry();
        entry.Endorse(A.Id(), "Mr Bennett", P.Now);

        var result = entry.Update(entry.Title, entry.Reflection, entry.Date, entry.Kind, ["Science", "Maths"], PortfolioVisibility.Private, 0);

        Assert.True(result.IsSuccess);
        Assert.Equal(PortfolioVisibility.Private, entry.Visibility);
        Assert.Equal(["Science", "Maths"], entry.Subjects);
    }

    [Fact]
    public void Update_ToShowcase_GoesToTheEnd_AndKeepsItsPlaceAfterwards()
    {
        var entry = P.Entry();

        entry.Update(entry.Title, entry.Reflection, entry.Date, entry.Kind, entry.Subjects, PortfolioVisibility.Showcase, 2);
        var placed = entry.ShowcaseOrder;
        entry.Update("Renamed", entry.Reflection, entry.Date, entry.Kind, entry.Subjects, PortfolioVisibility.Showcase, 7);

        Assert.Equal(3, placed);
        Assert.Equal(3, entry.ShowcaseOrder);
    }

    [Fact]
    public void Update_AwayFromShowcase_LosesItsPlace()
    {
        var entry = P.Entry(visibility: PortfolioVisibility.Showcase);

        entry.Update(entry.Title, entry.Reflection, entry.Date, entry.Kind, entry.Subjects, PortfolioVisibility.Family, 1);

        Assert.Equal(PortfolioVisibility.Family, entry.Visibility);
        Assert.Null(entry.ShowcaseOrder);
    }

    [Theory]
    [InlineData(PortfolioEntryKind.Challenge, false, false)]
    [InlineData(PortfolioEntryKind.Challenge, true, true)]
    [InlineData(PortfolioEntryKind.PeerTutoring, false, false)]
    [InlineData(PortfolioEntryKind.PeerTutoring, true, true)]
    [InlineData(PortfolioEntryKind.Achievement, true, true)]
    [InlineData(PortfolioEntryKind.Achievement, false, false)]
    [InlineData(PortfolioEntryKind.Work, true, false)]
    [InlineData(PortfolioEntryKind.OutOfSchool, true, false)]
    public void CountsTowardsRecordOfAchievement_EndorsedAchievementsChallengesAndPeerTutoring(PortfolioEntryKind kind, bool endorsed, bool counts)
    {
        var entry = P.Entry(kind: kind);
        if (endorsed)
        {
            entry.Endorse(A.Id(), "Mr Bennett", P.Now);
        }

        Assert.Equal(counts, entry.CountsTowardsRecordOfAchievement);
    }

    [Fact]
    public void AddEvidence_KeepsTheFileAndBumpsTheVersion()
    {
        var entry = P.Entry();

        var evidence = P.AddPhoto(entry);

        Assert.Same(evidence, Assert.Single(entry.Evidence));
        Assert.Equal("image/png", evidence.ContentType);
        Assert.Equal(1u, entry.Version);
    }

    [Fact]
    public void AddEvidence_BeyondTwentyFiles_IsAConflict()
    {
        var entry = P.Entry();
        for (var i = 0; i < PortfolioEntry.MaxEvidence; i++)
        {
            P.AddPhoto(entry);
        }

        var result = entry.AddEvidence(A.Id(), "one-more.png", "image/png", 10, P.Sha256, "evidence/ab/cd", P.Now, A.Id());

        Assert.Equal(PortfolioErrors.TooMuchEvidence, result.Error);
        Assert.Equal(PortfolioEntry.MaxEvidence, entry.Evidence.Count);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("evidence/../../school.db")]
    public void AddEvidence_PathOutsideTheStore_IsAProgrammingError(string path)
    {
        var entry = P.Entry();

        Assert.Throws<ArgumentException>(() => entry.AddEvidence(A.Id(), "x.png", "image/png", 10, P.Sha256, path, P.Now, A.Id()));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(10, "NOT-HEX")]
    [InlineData(10, "ABCDEF")]
    public void AddEvidence_EmptyOrWithoutAHash_IsAProgrammingError(long size, string? sha)
    {
        var entry = P.Entry();

        Assert.ThrowsAny<ArgumentException>(() =>
            entry.AddEvidence(A.Id(), "x.png", "image/png", size, sha ?? P.Sha256, "evidence/ab/cd", P.Now, A.Id()));
    }
}
