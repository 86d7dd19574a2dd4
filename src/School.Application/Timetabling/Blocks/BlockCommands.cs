using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.Blocks;

/// <summary>The school's learning blocks (staff).</summary>
public sealed record ListBlocksQuery : IQuery<Result<IReadOnlyList<BlockDto>>>;

internal sealed class ListBlocksQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListBlocksQuery, Result<IReadOnlyList<BlockDto>>>
{
    public async ValueTask<Result<IReadOnlyList<BlockDto>>> Handle(ListBlocksQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var blocks = await db.LearningBlocks.AsNoTracking().Where(b => b.SchoolId == school.Value.SchoolId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<BlockDto>>.Success(blocks
            .OrderBy(b => b.FromDate ?? DateOnly.MinValue).ThenBy(b => b.CycleWeek).ThenBy(b => b.Day).ThenBy(b => b.Start)
            .Select(BlockDto.From).ToList());
    }
}

/// <summary>
/// An admin places a block (no id) or moves/changes one (with id). A clashing block is saved all the same — a timetable
/// is built step by step — and the clashes it is part of come back with it.
/// </summary>
public sealed record SaveBlockCommand(
    Guid? Id,
    uint? ExpectedVersion,
    string Title,
    string? Subject,
    BlockKind Kind,
    Guid? GroupId,
    IReadOnlyList<Guid>? StudentIds,
    IReadOnlyList<Guid>? StaffIds,
    Guid? RoomId,
    int? CycleWeek,
    DayOfWeek? Day,
    DateOnly? FromDate,
    DateOnly? ToDate,
    TimeOnly Start,
    int DurationMinutes,
    bool IsJoint) : ICommand<Result<SavedBlockDto>>;

public sealed class SaveBlockCommandValidator : AbstractValidator<SaveBlockCommand>
{
    public SaveBlockCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Subject).MaximumLength(100);
        RuleFor(c => c.Kind).Known();
        RuleFor(c => c.Start).Must(BlockTiming.IsOnStep).WithMessage("A block starts on a 5-minute step (09:05, not 09:07).");
        RuleFor(c => c.DurationMinutes).Must(BlockTiming.IsValidDuration)
            .WithMessage("A block lasts 10 minutes to a whole day, in 5-minute steps.");
        RuleFor(c => c.DurationMinutes).Must((c, minutes) => BlockTiming.FitsInDay(c.Start, minutes))
            .When(c => BlockTiming.IsValidDuration(c.DurationMinutes))
            .WithMessage("A block ends by midnight of the day it starts.");
        RuleFor(c => c.Day).NotNull().When(c => c.FromDate is null)
            .WithMessage("Give a day of the cycle (a repeating block), or fromDate and toDate (a dated block).");
        RuleFor(c => c.Day).Null().When(c => c.FromDate is not null).WithMessage("A dated block has no day of the cycle.");
        RuleFor(c => c.Day!.Value).Known().OverridePropertyName(nameof(SaveBlockCommand.Day)).When(c => c.Day is not null);
        RuleFor(c => c.CycleWeek).InclusiveBetween(1, AcademicYear.MaxCycleWeeks).When(c => c.CycleWeek is not null);
        RuleFor(c => c.CycleWeek).Null().When(c => c.FromDate is not null).WithMessage("A dated block has no cycle week.");
        RuleFor(c => c.ToDate).NotNull().When(c => c.FromDate is not null).WithMessage("A dated block needs toDate.");
        RuleFor(c => c.ToDate).Must((c, to) => to >= c.FromDate).When(c => c.FromDate is not null && c.ToDate is not null)
            .WithMessage("toDate is on or after fromDate.");
        RuleFor(c => c.ToDate).Must((c, to) => to!.Value.DayNumber - c.FromDate!.Value.DayNumber < BlockTiming.MaxDatedSpanDays)
            .When(c => c.FromDate is not null && c.ToDate >= c.FromDate)
            .WithMessage($"A dated block spans at most {BlockTiming.MaxDatedSpanDays} days.");
        RuleFor(c => c.FromDate).NotNull().When(c => c.ToDate is not null).WithMessage("A dated block needs fromDate.");
        RuleFor(c => c.FromDate).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
        RuleFor(c => c.ToDate).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
        RuleFor(c => c.StudentIds).Must(s => s is null || s.Count <= 500).WithMessage("At most 500 individual students.");
        RuleFor(c => c.StaffIds).Must(s => s is null || s.Count <= 20).WithMessage("At most 20 staff.");
        RuleFor(c => c.GroupId).NotNull().When(c => c.StudentIds is null || c.StudentIds.Count == 0)
            .WithMessage("A block has a group or at least one student.");
    }
}

internal sealed class SaveBlockCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<SaveBlockCommand, Result<SavedBlockDto>>
{
    public async ValueTask<Result<SavedBlockDto>> Handle(SaveBlockCommand c, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var details = new BlockDetails(
            c.Title, c.Subject, c.Kind, c.GroupId, c.StudentIds ?? [], c.StaffIds ?? [], c.RoomId, c.CycleWeek, c.Day, c.FromDate, c.ToDate,
            c.Start, c.DurationMinutes, c.IsJoint);
        var references = await CheckReferencesAsync(school.Value.SchoolId, details, cancellationToken);
        if (!references.IsSuccess)
        {
            return references.Error!;
        }

        LearningBlock block;
        if (c.Id is { } id)
        {
            var existing = await db.LearningBlocks.SingleOrDefaultAsync(b => b.Id == id && b.SchoolId == school.Value.SchoolId, cancellationToken);
            if (existing is null)
            {
                return Error.NotFound("Block");
            }

            if (c.ExpectedVersion is { } expected && expected != existing.Version)
            {
                return Error.PreconditionFailed("The block was changed by someone else since you read it.");
            }

            existing.Change(details);
            block = existing;
        }
        else
        {
            block = LearningBlock.Create(Ids.New(time), school.Value.SchoolId, details);
            db.LearningBlocks.Add(block);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SavedBlockDto(BlockDto.From(block), await ClashesOfAsync(school.Value.SchoolId, block.Id, cancellationToken));
    }

    /// <summary>Unknown groups, rooms, staff or students are input errors naming the field (joint blocks may take partnership students).</summary>
    private async Task<Result> CheckReferencesAsync(Guid schoolId, BlockDetails d, CancellationToken ct)
    {
        if (d.GroupId is { } group && !await db.TeachingGroups.AnyAsync(g => g.Id == group && g.SchoolId == schoolId, ct))
        {
            return Error.Validation("groupId", "No group with that id at this school.");
        }

        if (d.RoomId is { } room && !await db.Rooms.AnyAsync(r => r.Id == room && r.SchoolId == schoolId, ct))
        {
            return Error.Validation("roomId", "No room with that id at this school.");
        }

        var staff = d.StaffIds.Distinct().ToList();
        if (staff.Count > 0 && await db.StaffMembers.CountAsync(s => staff.Contains(s.Id) && s.SchoolId == schoolId, ct) != staff.Count)
        {
            return Error.Validation("staffIds", "Every member of staff works at this school.");
        }

        var students = d.StudentIds.Distinct().ToList();
        if (students.Count > 0)
        {
            var schools = await SchoolsStudentsMayComeFrom(schoolId, d.IsJoint, ct);
            if (await db.Students.CountAsync(s => students.Contains(s.Id) && schools.Contains(s.SchoolId), ct) != students.Count)
            {
                return Error.Validation("studentIds", d.IsJoint
                    ? "Every student is at this school or another school of its partnership."
                    : "Every student is at this school (a joint block may take students of partnership schools).");
            }
        }

        return Result.Success();
    }

    private async Task<List<Guid>> SchoolsStudentsMayComeFrom(Guid schoolId, bool joint, CancellationToken ct)
    {
        var partnership = joint ? await db.Schools.Where(s => s.Id == schoolId).Select(s => s.PartnershipId).SingleAsync(ct) : null;
        return partnership is null
            ? [schoolId]
            : await db.Schools.Where(s => s.PartnershipId == partnership).Select(s => s.Id).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<ClashDto>> ClashesOfAsync(Guid schoolId, Guid blockId, CancellationToken ct)
    {
        var snapshot = await db.SnapshotAsync(schoolId, await db.TodayAtAsync(schoolId, time, ct), ct);
        return snapshot is null
            ? []
            : TimetableClashDetector.Detect(snapshot).Where(x => x.BlockIds.Contains(blockId)).Select(ClashDto.From).ToList();
    }
}

/// <summary>An admin removes a block from the timetable.</summary>
public sealed record DeleteBlockCommand(Guid Id) : ICommand<Result>;

internal sealed class DeleteBlockCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<DeleteBlockCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteBlockCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var block = await db.LearningBlocks.SingleOrDefaultAsync(b => b.Id == command.Id && b.SchoolId == school.Value.SchoolId, cancellationToken);
        if (block is null)
        {
            return Error.NotFound("Block");
        }

        db.LearningBlocks.Remove(block);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>One block of the school's timetable (staff).</summary>
public sealed record GetBlockQuery(Guid Id) : IQuery<Result<BlockDto>>;

internal sealed class GetBlockQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetBlockQuery, Result<BlockDto>>
{
    public async ValueTask<Result<BlockDto>> Handle(GetBlockQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var block = await db.LearningBlocks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.Id && b.SchoolId == school.Value.SchoolId, cancellationToken);
        return block is null ? Error.NotFound("Block") : BlockDto.From(block);
    }
}
