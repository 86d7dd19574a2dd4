namespace School.Architecture.Tests;

/// <summary>
/// Each feature names its rule breaks in one errors catalogue (<c>&lt;Feature&gt;Errors</c>, like <c>TrialErrors</c> and
/// <c>SecureErrors</c>): a code a client relies on is written once, and a reader finds every way a feature can refuse in one file.
/// </summary>
public class ErrorCatalogueTests
{
    /// <summary>Files still writing conflicts inline (issue 15). The list only shrinks.</summary>
    private static readonly HashSet<string> _notYetCatalogued =
    [
        "School.Application/Challenges/Menus/MenuCommands.cs",
        "School.Application/Challenges/Preferences/SubmitChallengePreferencesCommand.cs",
        "School.Application/Innovation/Trials/TrialCommands.cs",
        "School.Application/Mentoring/Assignments/AssignmentCommands.cs",
        "School.Application/Mentoring/Mentors/MentorCommands.cs",
        "School.Application/PeerTutoring/Pairs/PairCommands.cs",
        "School.Application/PeerTutoring/Sessions/SessionCommands.cs",
        "School.Application/PeerTutoring/Tutors/TutorCommands.cs",
        "School.Application/Secure/Cycles/CycleCommands.cs",
        "School.Application/Timetabling/AcademicYears/AcademicYearCommands.cs",
        "School.Domain/Challenges/ChallengeMenu.cs",
        "School.Domain/Challenges/ChallengeTeam.cs",
        "School.Domain/Innovation/FieldTrial.cs",
        "School.Domain/Innovation/InnovationProject.cs",
        "School.Domain/LearningPlans/LearningPlan.cs",
        "School.Domain/Mentoring/Mentor.cs",
        "School.Domain/PeerTutoring/PeerPair.cs",
        "School.Domain/PeerTutoring/PeerProgramme.cs",
        "School.Domain/PeerTutoring/PeerSession.cs",
        "School.Domain/PeerTutoring/PeerTutor.cs",
        "School.Domain/Portfolios/PortfolioEntry.cs",
        "School.Domain/Secure/SecureMode.cs",
        "School.Domain/Students/Student.cs",
        "School.Domain/Timetabling/DayWindow.cs",
    ];

    [Fact]
    public void ConflictErrors_AreWrittenOnlyInErrorsCatalogues()
    {
        ArchAssert.NoneBreak(
            InlineConflicts().Where(f => !_notYetCatalogued.Contains(f)),
            "Write Error.Conflict(...) and new Error(...) only in a <Feature>Errors.cs catalogue, and use the catalogue's member.");
    }

    [Fact]
    public void NotYetCatalogued_ListsOnlyFilesThatStillWriteConflictsInline()
    {
        var inline = InlineConflicts().ToHashSet();

        ArchAssert.NoneBreak(_notYetCatalogued.Where(f => !inline.Contains(f)), "A file moved to a catalogue comes off _notYetCatalogued.");
    }

    private static IEnumerable<string> InlineConflicts()
    {
        var src = Path.Combine(Sources.RepositoryRoot, "src");
        return new[] { "School.Domain", "School.Application" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(src, project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("Errors.cs", StringComparison.Ordinal) && !f.EndsWith($"Common{Path.DirectorySeparatorChar}Error.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("Error.Conflict(", StringComparison.Ordinal) || text.Contains("new Error(", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order();
    }
}
