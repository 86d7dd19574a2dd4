using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.Groups;

/// <summary>The school's teaching groups (staff); ability sets may mix year groups.</summary>
public sealed record ListGroupsQuery : IQuery<Result<IReadOnlyList<GroupDto>>>;

internal sealed class ListGroupsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListGroupsQuery, Result<IReadOnlyList<GroupDto>>>
{
    public async ValueTask<Result<IReadOnlyList<GroupDto>>> Handle(ListGroupsQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var groups = await db.TeachingGroups.AsNoTracking().Where(g => g.SchoolId == school.Value.SchoolId).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<GroupDto>>.Success(groups.Select(GroupDto.From).ToList());
    }
}

/// <summary>An admin creates a group, by ability in a subject rather than by age, with its members.</summary>
public sealed record CreateGroupCommand(string Name, GroupKind Kind, string? Subject, string? Level, IReadOnlyList<Guid>? StudentIds)
    : ICommand<Result<GroupDto>>;

public sealed class CreateGroupCommandValidator : AbstractValidator<CreateGroupCommand>
{
    public CreateGroupCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Kind).Known();
        RuleFor(c => c.Subject).MaximumLength(100);
        RuleFor(c => c.Level).MaximumLength(50);
        RuleFor(c => c.StudentIds).Must(s => s is null || s.Count <= GroupMembers.Max).WithMessage($"At most {GroupMembers.Max} members.");
    }
}

internal sealed class CreateGroupCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreateGroupCommand, Result<GroupDto>>
{
    public async ValueTask<Result<GroupDto>> Handle(CreateGroupCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var group = TeachingGroup.Create(Ids.New(time), school.Value.SchoolId, command.Name, command.Kind, command.Subject, command.Level);
        var members = await GroupMembers.SetAsync(db, group, command.StudentIds ?? [], cancellationToken);
        if (!members.IsSuccess)
        {
            return members.Error!;
        }

        db.TeachingGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return GroupDto.From(group);
    }
}

/// <summary>An admin replaces a group's members.</summary>
public sealed record SetGroupMembersCommand(Guid GroupId, IReadOnlyList<Guid> StudentIds) : ICommand<Result<GroupDto>>;

public sealed class SetGroupMembersCommandValidator : AbstractValidator<SetGroupMembersCommand>
{
    public SetGroupMembersCommandValidator() =>
        RuleFor(c => c.StudentIds).NotNull().Must(s => s.Count <= GroupMembers.Max).WithMessage($"At most {GroupMembers.Max} members.");
}

internal sealed class SetGroupMembersCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<SetGroupMembersCommand, Result<GroupDto>>
{
    public async ValueTask<Result<GroupDto>> Handle(SetGroupMembersCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var group = await db.TeachingGroups.SingleOrDefaultAsync(g => g.Id == command.GroupId && g.SchoolId == school.Value.SchoolId, cancellationToken);
        if (group is null)
        {
            return Error.NotFound("Group");
        }

        var members = await GroupMembers.SetAsync(db, group, command.StudentIds, cancellationToken);
        if (!members.IsSuccess)
        {
            return members.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return GroupDto.From(group);
    }
}

internal static class GroupMembers
{
    public const int Max = 500;

    /// <summary>Sets the members; an id that is not a student of the group's school is a validation error naming studentIds.</summary>
    public static async Task<Result> SetAsync(IApplicationDbContext db, TeachingGroup group, IReadOnlyList<Guid> studentIds, CancellationToken ct)
    {
        var ids = studentIds.Distinct().ToList();
        var students = await db.Students.AsNoTracking().Where(s => ids.Contains(s.Id) && s.SchoolId == group.SchoolId).ToListAsync(ct);
        return students.Count != ids.Count
            ? Error.Validation("studentIds", "Every member is a student of this school.")
            : group.SetMembers(students);
    }
}

/// <summary>One teaching group of the school with its members (staff).</summary>
public sealed record GetGroupQuery(Guid Id) : IQuery<Result<GroupDto>>;

internal sealed class GetGroupQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetGroupQuery, Result<GroupDto>>
{
    public async ValueTask<Result<GroupDto>> Handle(GetGroupQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var group = await db.TeachingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == query.Id && g.SchoolId == school.Value.SchoolId, cancellationToken);
        return group is null ? Error.NotFound("Group") : GroupDto.From(group);
    }
}
