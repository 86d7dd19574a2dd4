using Microsoft.EntityFrameworkCore;
using School.Domain.Accounts;
using School.Domain.Schools;
using School.Domain.Staff;
using School.Domain.Students;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Application.Common.Abstractions;

/// <summary>The unit of work handlers use directly (no repository layer): query with LINQ, project to DTOs, save once.</summary>
public interface IApplicationDbContext
{
    DbSet<Partnership> Partnerships { get; }

    DbSet<SchoolEntity> Schools { get; }

    DbSet<Student> Students { get; }

    DbSet<Guardian> Guardians { get; }

    DbSet<StaffMember> StaffMembers { get; }

    DbSet<UserAccount> UserAccounts { get; }

    /// <summary>Saves every change in one transaction. A unique index that is broken surfaces as <see cref="UniqueConstraintViolationException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
