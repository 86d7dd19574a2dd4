using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.Conflicts;

/// <summary>Every clash in the school's timetable for the current academic year, with its kind, cause and who it involves (admin).</summary>
public sealed record GetConflictsQuery : IQuery<Result<ConflictsDto>>;

internal sealed class GetConflictsQueryHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : IQueryHandler<GetConflictsQuery, Result<ConflictsDto>>
{
    public async ValueTask<Result<ConflictsDto>> Handle(GetConflictsQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var snapshot = await db.SnapshotAsync(school.Value.SchoolId, await db.TodayAtAsync(school.Value.SchoolId, time, cancellationToken), cancellationToken);
        var clashes = snapshot is null ? [] : TimetableClashDetector.Detect(snapshot).Select(ClashDto.From).ToList();
        return new ConflictsDto(clashes.Count, clashes);
    }
}
