using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Mentoring;
using School.Domain.Notifications;
using School.Domain.Students;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public void Configure(EntityTypeBuilder<Mentor> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.NeedsSupervision);
        builder.HasIndex(m => m.SchoolId);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MentorAssignmentConfiguration : IEntityTypeConfiguration<MentorAssignment>
{
    public void Configure(EntityTypeBuilder<MentorAssignment> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Reason).HasMaxLength(MentorAssignment.MaxReasonLength);
        builder.Ignore(a => a.IsCurrent);
        // One current mentor per student, whatever runs at once.
        builder.HasIndex(a => a.StudentId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName(UniqueIndexes.OneCurrentMentor);
        builder.HasIndex(a => new { a.StudentId, a.StartedAt });
        builder.HasIndex(a => a.MentorId);
        builder.HasOne<Student>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MentoringPreferenceConfiguration : IEntityTypeConfiguration<MentoringPreference>
{
    public void Configure(EntityTypeBuilder<MentoringPreference> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.StudentId);
        builder.PrimitiveCollection(p => p.RankedMentorIds).HasField("_rankedMentorIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.SchoolId);
        builder.HasOne<Student>().WithOne().HasForeignKey<MentoringPreference>(p => p.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInPolicyConfiguration : IEntityTypeConfiguration<CheckInPolicy>
{
    public void Configure(EntityTypeBuilder<CheckInPolicy> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.SchoolId);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<SchoolEntity>().WithOne().HasForeignKey<CheckInPolicy>(p => p.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.PrivateNotes).HasMaxLength(CheckIn.MaxNotesLength);
        builder.Property(c => c.StudentSummary).HasMaxLength(CheckIn.MaxSummaryLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        // The sweep numbers a student's check-ins within the half term, so it can never create the same one twice.
        builder.HasIndex(c => new { c.StudentId, c.HalfTermStart, c.Sequence }).IsUnique().HasDatabaseName(UniqueIndexes.CheckInOnce);
        builder.HasIndex(c => new { c.SchoolId, c.Status, c.DueOn });
        builder.HasIndex(c => new { c.MentorId, c.Status });
        builder.HasOne<Student>().WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MentoringEscalationConfiguration : IEntityTypeConfiguration<MentoringEscalation>
{
    public void Configure(EntityTypeBuilder<MentoringEscalation> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.StudentId, e.HalfTermStart }).IsUnique().HasDatabaseName(UniqueIndexes.EscalationOnce);
        builder.HasIndex(e => e.SchoolId);
        builder.HasOne<Student>().WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Key).HasMaxLength(Notification.MaxKeyLength);
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
        builder.Property(n => n.EmailTo).HasMaxLength(320);
        builder.Property(n => n.EmailStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.LastError).HasMaxLength(500);
        builder.HasIndex(n => n.Key).IsUnique().HasDatabaseName(UniqueIndexes.NotificationOnce);
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasIndex(n => new { n.EmailStatus, n.NextAttemptAt });
    }
}
