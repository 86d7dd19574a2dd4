using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Secure;
using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

/// <summary>A cycle owns its periods (table SecurePeriods), and each period its offers (table SecureOffers).</summary>
internal sealed class SecureCycleConfiguration : IEntityTypeConfiguration<SecureCycle>
{
    public void Configure(EntityTypeBuilder<SecureCycle> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(SecureCycle.MaxNameLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(c => c.YearGroups).HasField("_yearGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.FortnightEnd);
        builder.HasIndex(c => new { c.SchoolId, c.Name }).IsUnique().HasDatabaseName(UniqueIndexes.SecureCycleName);
        builder.HasIndex(c => new { c.SchoolId, c.FortnightStart });
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(c => c.Periods, period =>
        {
            period.ToTable("SecurePeriods");
            period.WithOwner().HasForeignKey("CycleId");
            period.HasKey(p => p.Id);
            period.Property(p => p.Id).ValueGeneratedNever();
            period.Property(p => p.Label).HasMaxLength(SecurePeriod.MaxLabelLength);
            period.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            period.Ignore(p => p.StartMinute);
            period.Ignore(p => p.EndMinute);
            // The period copied the block's time; removing the block leaves the period where it was.
            period.HasOne<LearningBlock>().WithMany().HasForeignKey(p => p.LearningBlockId).OnDelete(DeleteBehavior.SetNull);

            period.OwnsMany(p => p.Offers, offer =>
            {
                offer.ToTable("SecureOffers");
                offer.WithOwner().HasForeignKey("PeriodId");
                offer.HasKey(o => o.Id);
                offer.Property(o => o.Id).ValueGeneratedNever();
                offer.Property(o => o.Subject).HasMaxLength(SecureOffer.MaxSubjectLength);
                offer.HasOne<StaffMember>().WithMany().HasForeignKey(o => o.TeacherId).OnDelete(DeleteBehavior.Restrict);
                offer.HasOne<Room>().WithMany().HasForeignKey(o => o.RoomId).OnDelete(DeleteBehavior.Restrict);
            });
            period.Navigation(p => p.Offers).HasField("_offers").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(c => c.Periods).HasField("_periods").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SecureChoiceConfiguration : IEntityTypeConfiguration<SecureChoice>
{
    public void Configure(EntityTypeBuilder<SecureChoice> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.OwnsMany(c => c.Choices, item =>
        {
            item.ToJson();
            item.Property(x => x.Mode).HasConversion<string>();
        });
        builder.Navigation(c => c.Choices).HasField("_choices").UsePropertyAccessMode(PropertyAccessMode.Field);
        // One ranking per pupil per period, whatever races.
        builder.HasIndex(c => new { c.PeriodId, c.StudentId }).IsUnique().HasDatabaseName(UniqueIndexes.SecureChoiceOnce);
        builder.HasIndex(c => c.StudentId);
        builder.HasIndex(c => c.CycleId);
        builder.HasOne<SecureCycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecureRequestConfiguration : IEntityTypeConfiguration<SecureRequest>
{
    public void Configure(EntityTypeBuilder<SecureRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(SecureRequest.MaxReasonLength);
        // One request per pupil per period.
        builder.HasIndex(r => new { r.PeriodId, r.StudentId }).IsUnique().HasDatabaseName(UniqueIndexes.SecureRequestOnce);
        builder.HasIndex(r => new { r.PeriodId, r.OfferId });
        builder.HasIndex(r => r.StudentId);
        builder.HasIndex(r => r.CycleId);
        builder.HasOne<SecureCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.RequestedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecurePlacementConfiguration : IEntityTypeConfiguration<SecurePlacement>
{
    public void Configure(EntityTypeBuilder<SecurePlacement> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Reason).HasMaxLength(SecurePlacement.MaxReasonLength);
        // Each pupil at most once per period, whatever races.
        builder.HasIndex(p => new { p.PeriodId, p.StudentId }).IsUnique().HasDatabaseName(UniqueIndexes.SecurePlacementOnce);
        builder.HasIndex(p => new { p.PeriodId, p.OfferId });
        builder.HasIndex(p => p.StudentId);
        builder.HasIndex(p => p.CycleId);
        builder.HasOne<SecureCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
