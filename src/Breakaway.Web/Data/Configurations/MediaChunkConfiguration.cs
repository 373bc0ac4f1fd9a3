using Breakaway.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class MediaChunkConfiguration : IEntityTypeConfiguration<MediaChunk>
{
    public void Configure(EntityTypeBuilder<MediaChunk> builder)
    {
        builder.ToTable("MediaChunks");
        builder.HasKey(c => new { c.Key, c.Number });
        builder.Property(c => c.Key).HasMaxLength(80);
    }
}
