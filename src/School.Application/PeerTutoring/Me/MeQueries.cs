using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;

namespace School.Application.PeerTutoring.Me;

/// <summary>
/// My peer tutoring: for a pupil, the pairs where they tutor (each with its id and the tutee's id, name and year), the pairs
/// where they are tutored, the sessions of those pairs and their credits; for a guardian, the same for each child they may see.
/// </summary>
public sealed record GetMyPeerTutoringQuery : IQuery<Result<MyPeerTutoringDto>>;

internal sealed class GetMyPeerTutoringQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetMyPeerTutoringQuery, Result<MyPeerTutoringDto>>
{
    public async ValueTask<Result<MyPeerTutoringDto>> Handle(GetMyPeerTutoringQuery query, CancellationToken cancellationToken)
    {
        if (user.Kind == PersonKind.Student)
        {
            var mine = await db.TutoringOfAsync(user.PersonId, withHistory: false, cancellationToken);
            return new MyPeerTutoringDto(user.PersonId, mine.Pairs, mine.TutoredBy, mine.Sessions, mine.Credits, []);
        }

        if (user.Kind != PersonKind.Guardian)
        {
            return Error.Forbidden("Peer tutoring is for pupils and their families; staff use the programme views.");
        }

        var children = await access.VisibleStudents().OrderBy(s => s.GivenName).Select(s => s.Id).ToListAsync(cancellationToken);
        var result = new List<PeerTutoringDto>();
        foreach (var child in children)
        {
            result.Add(await db.TutoringOfAsync(child, withHistory: false, cancellationToken));
        }

        return new MyPeerTutoringDto(null, [], [], [], [], result);
    }
}

/// <summary>A student's peer tutoring, as tutor and tutee (whoever may read the child's learning record).</summary>
public sealed record GetStudentPeerTutoringQuery(Guid StudentId) : IQuery<Result<PeerTutoringDto>>;

internal sealed class GetStudentPeerTutoringQueryHandler(StudentAccess access, IApplicationDbContext db) : IQueryHandler<GetStudentPeerTutoringQuery, Result<PeerTutoringDto>>
{
    public async ValueTask<Result<PeerTutoringDto>> Handle(GetStudentPeerTutoringQuery query, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(query.StudentId, StudentPermissions.ReadLearningRecord, cancellationToken);
        return allowed.IsSuccess ? await db.TutoringOfAsync(query.StudentId, withHistory: false, cancellationToken) : allowed.Error!;
    }
}
