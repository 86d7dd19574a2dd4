using School.Domain.Common;
using School.Domain.Students;

namespace School.Domain.Timetabling;

public enum GroupKind
{
    /// <summary>A set by ability in a subject; years may be mixed ("a Rubik's cube deliberately scrambled").</summary>
    AbilitySet,
    /// <summary>A tutor group; often vertical (mixed years).</summary>
    TutorGroup,
    /// <summary>A group formed for a themed project or placement.</summary>
    Project,
    Class,
}

/// <summary>A group of students taught together, grouped by ability rather than age.</summary>
public sealed class TeachingGroup : Entity
{
    private List<Guid> _studentIds = [];

    private TeachingGroup(Guid id, Guid schoolId, string name, GroupKind kind) : base(id)
    {
        SchoolId = schoolId;
        Name = name;
        Kind = kind;
    }

    public Guid SchoolId { get; private set; }

    public string Name { get; private set; }

    public GroupKind Kind { get; private set; }

    public string? Subject { get; private set; }

    /// <summary>e.g. "Set 1", "Stage 4": the level the group works at, whatever the pupils' ages.</summary>
    public string? Level { get; private set; }

    public IReadOnlyList<Guid> StudentIds => _studentIds;

    public static TeachingGroup Create(Guid id, Guid schoolId, string name, GroupKind kind, string? subject, string? level) =>
        new(id, schoolId, Guard.Text(name, nameof(name), 100), kind)
        {
            Subject = Guard.OptionalText(subject, nameof(subject), 100),
            Level = Guard.OptionalText(level, nameof(level), 50),
        };

    /// <summary>Rule: a group's members are students of its school.</summary>
    public Result SetMembers(IReadOnlyCollection<Student> students)
    {
        if (students.Any(s => s.SchoolId != SchoolId))
        {
            return Error.Validation("studentIds", "Every member is a student of this school.");
        }

        _studentIds = students.Select(s => s.Id).Distinct().ToList();
        return Result.Success();
    }
}
