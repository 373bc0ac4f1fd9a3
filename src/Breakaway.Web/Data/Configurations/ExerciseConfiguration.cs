using Breakaway.Web.Domain;
using Breakaway.Web.Drawings;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.Property(e => e.Slug).HasMaxLength(80).IsRequired();
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(120).IsRequired();
        builder.Property(e => e.Purpose).HasMaxLength(300).IsRequired();
        builder.Property(e => e.StartingPosition).HasMaxLength(600).IsRequired();
        builder.Property(e => e.HoldAt).HasMaxLength(60);
        builder.Property(e => e.SideName).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Equipment).HasMaxLength(200);
        builder.Property(e => e.MediaUrl).HasMaxLength(500);

        // The drawing is one JSON document: it is only ever read and written whole, with the exercise.
        builder.Property(e => e.Drawing)
            .HasConversion(
                d => d == null ? null : DrawingJson.Write(d),
                json => DrawingJson.Read(json),
                new ValueComparer<ExerciseDrawing?>(
                    (a, b) => (a == null ? null : DrawingJson.Write(a)) == (b == null ? null : DrawingJson.Write(b)),
                    d => d == null ? 0 : DrawingJson.Write(d).GetHashCode(StringComparison.Ordinal),
                    d => d == null ? null : DrawingJson.Read(DrawingJson.Write(d))));

        // Ordered lists of short sentences, stored as JSON arrays (primitive collections).
        builder.PrimitiveCollection(e => e.Steps).IsRequired();
        builder.PrimitiveCollection(e => e.FormCues).IsRequired();

        builder.ComplexProperty(e => e.Dose, dose =>
        {
            dose.Property(d => d.Sets).HasColumnName("DefaultSets");
            dose.Property(d => d.Reps).HasColumnName("DefaultReps");
            dose.Property(d => d.HoldSeconds).HasColumnName("DefaultHoldSeconds");
            dose.Property(d => d.PerSide).HasColumnName("DefaultPerSide");
            dose.Property(d => d.RestSeconds).HasColumnName("DefaultRestSeconds");
            dose.Property(d => d.TimesPerWeek).HasColumnName("DefaultTimesPerWeek");
        });

        builder.HasIndex(e => new { e.IsPublic, e.IsArchived, e.Category });

        builder.HasMany(e => e.StopCues).WithOne(c => c.Exercise).HasForeignKey(c => c.ExerciseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StopCueConfiguration : IEntityTypeConfiguration<StopCue>
{
    public void Configure(EntityTypeBuilder<StopCue> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => new { c.ExerciseId, c.Order });
    }
}

internal sealed class ExerciseProgressionConfiguration : IEntityTypeConfiguration<ExerciseProgression>
{
    public void Configure(EntityTypeBuilder<ExerciseProgression> builder)
    {
        builder.HasKey(p => new { p.EasierId, p.HarderId });
        builder.HasOne(p => p.Easier).WithMany(e => e.Progressions).HasForeignKey(p => p.EasierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Harder).WithMany(e => e.Regressions).HasForeignKey(p => p.HarderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.HarderId);
        builder.ToTable(t => t.HasCheckConstraint("CK_ExerciseProgression_NotSelf", "\"EasierId\" <> \"HarderId\""));
    }
}
