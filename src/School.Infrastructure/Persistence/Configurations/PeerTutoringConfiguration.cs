using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.PeerTutoring;
using School.Domain.Staff;
using School.Domain.Students;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class PeerProgrammeConfiguration : IEntityTypeConfiguration<PeerProgramme>
{
    public void Configure(EntityTypeBuilder<PeerProgramme> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Subject).HasMaxLength(100);
        builder.Property(p => p.RequiredTraining).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(p => p.TutorYearGroups).HasField("_tutorYearGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(p => p.TuteeYearGroups).HasField("_tuteeYearGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.SchoolId);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.SupervisorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PeerTutorConfiguration : IEntityTypeConfiguration<PeerTutor>
{
    public void Configure(EntityTypeBuilder<PeerTutor> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.CanTutor);
        builder.HasIndex(t => new { t.ProgrammeId, t.StudentId }).IsUnique().HasDatabaseName(UniqueIndexes.PeerTutorOnce);
        builder.HasOne<PeerProgramme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(t => t.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeerPairConfiguration : IEntityTypeConfiguration<PeerPair>
{
    public void Configure(EntityTypeBuilder<PeerPair> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.IsActive);
        builder.HasIndex(p => new { p.ProgrammeId, p.TutorStudentId });
        builder.HasIndex(p => p.TuteeStudentId);
        builder.HasOne<PeerProgramme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.TutorStudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.TuteeStudentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PeerSessionConfiguration : IEntityTypeConfiguration<PeerSession>
{
    public void Configure(EntityTypeBuilder<PeerSession> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Notes).HasMaxLength(PeerSession.MaxNotesLength);
        builder.Property(s => s.TuteeComment).HasMaxLength(500);
        builder.Property(s => s.Version).IsConcurrencyToken();
        JsonColumns.Document(builder, s => s.History, "_history");
        builder.HasIndex(s => s.PairId);
        builder.HasIndex(s => new { s.ProgrammeId, s.TutorStudentId });
        builder.HasOne<PeerPair>().WithMany().HasForeignKey(s => s.PairId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeerCreditAwardConfiguration : IEntityTypeConfiguration<PeerCreditAward>
{
    public void Configure(EntityTypeBuilder<PeerCreditAward> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.ProgrammeId, a.TutorStudentId });
        builder.HasOne<PeerProgramme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
