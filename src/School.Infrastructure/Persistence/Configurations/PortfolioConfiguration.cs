using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Portfolios;
using School.Domain.Students;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class PortfolioEntryConfiguration : IEntityTypeConfiguration<PortfolioEntry>
{
    public void Configure(EntityTypeBuilder<PortfolioEntry> builder)
    {
        builder.ToTable("PortfolioEntries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(PortfolioEntry.TitleMaxLength);
        builder.Property(e => e.Reflection).HasMaxLength(PortfolioEntry.ReflectionMaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(e => e.Subjects).HasField("_subjects").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.IsEndorsed);
        builder.Ignore(e => e.CountsTowardsRecordOfAchievement);
        builder.OwnsOne(e => e.Endorsement, en =>
        {
            en.Property(x => x.EndorsedBy).HasColumnName("EndorsedBy");
            en.Property(x => x.EndorsedByName).HasColumnName("EndorsedByName").HasMaxLength(Endorsement.NameMaxLength);
            en.Property(x => x.EndorsedAt).HasColumnName("EndorsedAt");
        });
        builder.OwnsMany(e => e.Evidence, ev =>
        {
            ev.ToTable("PortfolioEvidence");
            ev.WithOwner().HasForeignKey("PortfolioEntryId");
            ev.HasKey(x => x.Id);
            ev.Property(x => x.Id).ValueGeneratedNever();
            ev.Property(x => x.FileName).HasMaxLength(PortfolioEvidence.FileNameMaxLength);
            ev.Property(x => x.ContentType).HasMaxLength(PortfolioEvidence.ContentTypeMaxLength);
            ev.Property(x => x.Sha256).HasMaxLength(64);
            ev.Property(x => x.StoragePath).HasMaxLength(PortfolioEvidence.StoragePathMaxLength);
        });
        builder.Navigation(e => e.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(e => new { e.StudentId, e.Date });
        builder.HasOne<Student>().WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
