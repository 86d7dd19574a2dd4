using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Challenges;
using School.Domain.Students;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class ChallengeMenuConfiguration : IEntityTypeConfiguration<ChallengeMenu>
{
    public void Configure(EntityTypeBuilder<ChallengeMenu> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(m => m.YearGroups).HasField("_yearGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Challenges).WithOne().HasForeignKey(c => c.MenuId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Challenges).HasField("_challenges").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => m.SchoolId);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.CommunityPartner).HasMaxLength(200);
        builder.PrimitiveCollection(c => c.CoachIds).HasField("_coachIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(c => c.YearGroups).HasField("_yearGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ChallengePreferenceConfiguration : IEntityTypeConfiguration<ChallengePreference>
{
    public void Configure(EntityTypeBuilder<ChallengePreference> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(p => p.RankedChallengeIds).HasField("_rankedChallengeIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.MenuId, p.StudentId }).IsUnique().HasDatabaseName(UniqueIndexes.ChallengePreferenceOnce);
        builder.HasOne<ChallengeMenu>().WithMany().HasForeignKey(p => p.MenuId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChallengePlacementConfiguration : IEntityTypeConfiguration<ChallengePlacement>
{
    public void Configure(EntityTypeBuilder<ChallengePlacement> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Reason).HasMaxLength(300);
        builder.HasIndex(p => new { p.MenuId, p.StudentId }).IsUnique().HasDatabaseName(UniqueIndexes.ChallengePlacementOnce);
        builder.HasIndex(p => p.ChallengeId);
        builder.HasOne<ChallengeMenu>().WithMany().HasForeignKey(p => p.MenuId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChallengeTeamConfiguration : IEntityTypeConfiguration<ChallengeTeam>
{
    public void Configure(EntityTypeBuilder<ChallengeTeam> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Outcome).HasMaxLength(2000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(t => t.MemberIds).HasField("_memberIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        JsonColumns.Document(builder, t => t.Milestones, "_milestones");
        builder.HasIndex(t => new { t.MenuId, t.ChallengeId });
        builder.HasOne<ChallengeMenu>().WithMany().HasForeignKey(t => t.MenuId).OnDelete(DeleteBehavior.Cascade);
    }
}
