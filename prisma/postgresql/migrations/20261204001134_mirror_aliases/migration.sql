-- AlterTable
ALTER TABLE "performer" ADD COLUMN     "aliases" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "studio" ADD COLUMN     "aliases" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "tag" ADD COLUMN     "aliases" TEXT NOT NULL DEFAULT '[]';
