using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Schools;
using School.Domain.Staff;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.GivenName).HasMaxLength(PersonName.MaxLength);
        builder.Property(s => s.FamilyName).HasMaxLength(PersonName.MaxLength);
        builder.Property(s => s.Title).HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.DisplayName);
        builder.HasIndex(s => new { s.SchoolId, s.FamilyName, s.GivenName });
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(UserAccount.EmailMaxLength);
        builder.Property(a => a.NormalisedEmail).HasMaxLength(UserAccount.EmailMaxLength);
        builder.Property(a => a.PasswordHash).HasMaxLength(1000);
        builder.Property(a => a.SecurityStamp).HasMaxLength(64);
        builder.Property(a => a.PersonKind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(a => a.NormalisedEmail).IsUnique().HasDatabaseName(UniqueIndexes.AccountEmail);
        builder.HasIndex(a => new { a.PersonKind, a.PersonId });
        // Looking up the e-mail of people whose kind is not known (mentors may be staff or pupils).
        builder.HasIndex(a => a.PersonId);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TokenHash).HasMaxLength(RefreshToken.HashLength);
        builder.Property(t => t.SecurityStamp).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.FamilyId);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
