using Mediator;

namespace School.Architecture.Tests;

/// <summary>
/// A use case is one folder: <c>School.Application/&lt;Feature&gt;/&lt;UseCase&gt;/&lt;Message&gt;.cs</c> holds the command or
/// query, its handler and its validator, and the folder holds no other use case.
/// </summary>
public class UseCaseLayoutTests
{
    private static readonly Type[] _handlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>),
        typeof(IRequestHandler<>), typeof(INotificationHandler<>),
    ];

    /// <summary>
    /// Folders (namespaces) still holding several use cases, being split (issue 15). The list only shrinks: a folder listed
    /// here that no longer breaks the rules fails <see cref="NotYetSplit_ListsOnlyFoldersThatStillBreakTheLayout"/>.
    /// </summary>
    private static readonly HashSet<string> _notYetSplit =
    [
        "School.Application.Calendars",
        "School.Application.Challenges.Allocation",
        "School.Application.Challenges.Menus",
        "School.Application.Challenges.Preferences",
        "School.Application.Challenges.Teams",
        "School.Application.Innovation.Projects",
        "School.Application.Innovation.Trials",
        "School.Application.Innovation.Views",
        "School.Application.LearningPlans",
        "School.Application.Mentoring.Assignments",
        "School.Application.Mentoring.CheckIns",
        "School.Application.Mentoring.Mentors",
        "School.Application.Mentoring.Policy",
        "School.Application.Mentoring.Preferences",
        "School.Application.Passports",
        "School.Application.PeerTutoring.Me",
        "School.Application.PeerTutoring.Pairs",
        "School.Application.PeerTutoring.Programmes",
        "School.Application.PeerTutoring.Sessions",
        "School.Application.PeerTutoring.Tutors",
        "School.Application.Secure.Allocation",
        "School.Application.Secure.Choices",
        "School.Application.Secure.Cycles",
        "School.Application.Students.Guardians",
        "School.Application.Timetabling.AcademicYears",
        "School.Application.Timetabling.Blocks",
        "School.Application.Timetabling.DayWindows",
        "School.Application.Timetabling.Groups",
        "School.Application.Timetabling.PersonalTimetables",
        "School.Application.Timetabling.Rooms",
        "School.Application.Timetabling.Shifts",
    ];

    [Fact]
    public void EachUseCase_IsOneFolderNamedFileWithOneHandler()
    {
        var offenders = Offenders().Where(o => !_notYetSplit.Contains(o.Namespace)).Select(o => o.Problem);

        ArchAssert.NoneBreak(
            offenders,
            "Each handler lives in School.Application/<Feature>/<UseCase>/<Message>.cs, beside its message and validator, and its folder holds no other handler.");
    }

    [Fact]
    public void NotYetSplit_ListsOnlyFoldersThatStillBreakTheLayout()
    {
        var breaking = Offenders().Select(o => o.Namespace).ToHashSet();

        ArchAssert.NoneBreak(
            _notYetSplit.Where(n => !breaking.Contains(n)),
            "A folder split into one folder per use case comes off UseCaseLayoutTests._notYetSplit, so the list only shrinks.");
    }

    private static IEnumerable<(string Namespace, string Problem)> Offenders()
    {
        var handlers = Layers.Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Select(t => (Handler: t, Message: MessageOf(t)))
            .Where(h => h.Message is not null)
            .ToList();
        Assert.NotEmpty(handlers);

        foreach (var group in handlers.GroupBy(h => h.Handler.Namespace!))
        {
            if (group.Count() > 1)
            {
                yield return (group.Key, $"{group.Key} holds {group.Count()} use cases: {string.Join(", ", group.Select(h => h.Message!.Name).Order())}");
            }

            var segments = group.Key.Split('.');
            if (segments.Length < 4)
            {
                yield return (group.Key, $"{group.Key} is a feature, not a use case folder: move {string.Join(", ", group.Select(h => h.Message!.Name))} into a folder of its own");
            }

            foreach (var (handler, message) in group)
            {
                var file = Path.Combine([SourceRoot(), .. segments.Skip(2), message!.Name + ".cs"]);
                if (!File.Exists(file) || !File.ReadAllText(file).Contains($"class {handler.Name}", StringComparison.Ordinal))
                {
                    yield return (group.Key, $"{handler.FullName} is not in {Path.GetRelativePath(SourceRoot(), file)}");
                }
            }
        }
    }

    private static Type? MessageOf(Type handler) =>
        handler.GetInterfaces()
            .Where(i => i.IsGenericType && _handlerInterfaces.Contains(i.GetGenericTypeDefinition()))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault();

    private static string SourceRoot() => Path.Combine(Sources.RepositoryRoot, "src", "School.Application");
}
