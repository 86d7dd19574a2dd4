using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Passports;
using School.Domain.Students;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class ImportedPassportConfiguration : IEntityTypeConfiguration<ImportedPassport>
{
    public void Configure(EntityTypeBuilder<ImportedPassport> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.IssuerName).HasMaxLength(200);
        builder.Property(p => p.KeyId).HasMaxLength(100);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.HasIndex(p => new { p.StudentId, p.Sha256 }).IsUnique().HasDatabaseName(UniqueIndexes.PassportOnce);
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrustedPassportKeyConfiguration : IEntityTypeConfiguration<TrustedPassportKey>
{
    public void Configure(EntityTypeBuilder<TrustedPassportKey> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.KeyId).HasMaxLength(100);
        builder.Property(k => k.IssuerName).HasMaxLength(200);
        builder.Property(k => k.PublicKeyPem).HasMaxLength(4000);
        builder.HasIndex(k => new { k.SchoolId, k.KeyId }).IsUnique().HasDatabaseName(UniqueIndexes.TrustedKeyOnce);
    }
}
