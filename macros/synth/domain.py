"""Practice knowledge the generator draws on: settings, client clusters and what follows from them.

Each setting says what kind of institution hosts the practicum and which clusters it
serves; each cluster says who the client is, what the problem looks like and which
goals and activities fit. Text avoids the roots `layan` and `ajar`: those are search
probes, planted only where the manifest says (see probes.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    code: str
    names: tuple[str, ...]          # institution name patterns; {n} a proper name, {r} the region
    clusters: tuple[str, ...]
    kinds: tuple[str, ...]          # practicum kinds this setting hosts, each as often as it occurs there: synth takes
                                    # them in turn (macros/synth/report.py `practicum_kind`)
    programmes: tuple[tuple[str, str], ...]
    beneficiary_columns: tuple[str, ...]
    staff_role: str                 # the field instructor's position


PROPER = ["Kenari", "Harapan Bangsa", "Cahaya Insani", "Bina Karya", "Tunas Mandiri", "Mentari", "Kasih Bunda",
          "Sentosa", "Purnama", "Cendana", "Bakti Luhur", "Pelita", "Nusa Indah", "Arunika", "Rumpun Bambu",
          "Permata Hati", "Asa Mulia", "Wira Utama", "Lentera", "Samudra Kasih"]

SETTINGS: dict[str, Setting] = {
    "industri": Setting(
        "industri",
        ("PT {n} Agro Lestari", "PT {n} Energi Nusantara", "PT {n} Semen Perkasa", "PT {n} Tekstil Indonesia"),
        ("pemberdayaan_masyarakat", "kemiskinan", "kelompok_rentan", "lansia"),
        ("institusi", "institusi", "institusi", "institusi", "institusi", "institusi", "laboratorium"),
        (("Program Tanggung Jawab Sosial dan Lingkungan", "Program CSR yang menjangkau desa-desa di sekitar wilayah operasi perusahaan melalui bantuan modal, pelatihan keterampilan, dan pendampingan kelompok."),
         ("Kelompok Mitra Binaan", "Pendampingan kelompok usaha warga, seperti kelompok tani, pengrajin, dan usaha olahan pangan, agar mampu mandiri secara ekonomi."),
         ("Kesehatan Lingkungan", "Kegiatan sanitasi, bank sampah, dan penghijauan bersama warga sekitar kawasan."),
         ("Beasiswa Pendidikan", "Bantuan biaya sekolah bagi anak dari keluarga prasejahtera di desa binaan.")),
        ("Desa binaan", "Kelompok", "Jumlah anggota"),
        "Staf CSR"),
    "primer": Setting(
        "primer",
        ("Sentra Terpadu {n} {r}", "Panti Sosial Tresna Werdha {n}", "Balai Rehabilitasi Sosial {n}", "Panti Asuhan {n}"),
        ("anak", "disabilitas", "disabilitas_intelektual", "lansia", "ketelantaran", "napza", "korban_kekerasan"),
        ("institusi", "institusi", "institusi", "institusi", "institusi", "institusi", "laboratorium"),
        (("Asistensi Rehabilitasi Sosial (ATENSI)", "Dukungan pemenuhan hidup layak, perawatan sosial, terapi, dan dukungan keluarga bagi penerima manfaat di dalam dan di luar sentra."),
         ("Pengasramaan", "Penerima manfaat tinggal di asrama dengan pendampingan pengasuh dan pekerja sosial selama masa rehabilitasi."),
         ("Pelatihan Vokasional", "Pelatihan keterampilan tata boga, menjahit, pertukangan, dan pertanian sebagai bekal kemandirian."),
         ("Terapi Psikososial", "Konseling individu, terapi kelompok, dan kegiatan rekreasi untuk memulihkan keberfungsian sosial.")),
        ("Kategori", "Laki-laki", "Perempuan"),
        "Pekerja Sosial Fungsional"),
    "komunitas": Setting(
        "komunitas",
        ("Desa {n}", "Karang Taruna {n}", "Lembaga Kesejahteraan Sosial {n}", "Kelompok Swadaya Masyarakat {n}"),
        ("pemberdayaan_masyarakat", "kemiskinan", "korban_bencana", "kelompok_rentan", "lansia"),
        # A community practicum report is written with its own data (macros/synth/community.py).
        ("komunitas", "komunitas", "komunitas", "institusi", "komunitas", "komunitas", "laboratorium", "komunitas", "komunitas"),
        (("Pemberdayaan Ekonomi Warga", "Kelompok usaha bersama yang menghimpun warga untuk mengolah hasil kebun dan memasarkannya bersama."),
         ("Posyandu dan Posbindu", "Kegiatan kesehatan dasar bagi balita, ibu hamil, dan warga lanjut usia setiap bulan."),
         ("Tanggap Bencana Berbasis Warga", "Pelatihan kesiapsiagaan, jalur evakuasi, dan lumbung sosial desa."),
         ("Kegiatan Pemuda", "Kegiatan olahraga, kesenian, dan kewirausahaan bagi pemuda desa.")),
        ("Dusun", "Jumlah KK", "Jumlah jiwa"),
        "Pendamping Desa"),
    "sekolah": Setting(
        "sekolah",
        ("SLB {n} {r}", "SMP {n} {r}", "Sekolah Dasar {n}", "SMK {n} {r}"),
        ("anak", "disabilitas_intelektual", "disabilitas", "korban_kekerasan"),
        ("institusi", "institusi", "institusi", "institusi", "institusi", "institusi", "laboratorium"),
        (("Bimbingan dan Konseling", "Konseling individu dan kelompok bagi siswa yang menghadapi kesulitan sosial, emosional, atau akademik."),
         ("Sekolah Ramah Anak", "Upaya sekolah mencegah perundungan dan kekerasan serta melibatkan siswa dalam aturan kelas."),
         ("Kegiatan Ekstrakurikuler", "Pramuka, seni tari, olahraga, dan keterampilan yang menumbuhkan minat dan bakat siswa."),
         ("Program Inklusi", "Pendampingan siswa berkebutuhan khusus bersama guru pendamping dan orang tua.")),
        ("Kelas", "Laki-laki", "Perempuan"),
        "Guru Bimbingan dan Konseling"),
    "rumah_sakit": Setting(
        "rumah_sakit",
        ("RSUD {n} {r}", "Rumah Sakit Jiwa {n}", "Rumah Sakit Umum {n}"),
        ("disabilitas", "lansia", "napza", "kemiskinan", "anak"),
        ("institusi", "institusi", "institusi", "institusi", "institusi", "institusi", "laboratorium"),
        (("Instalasi Pekerjaan Sosial Medis", "Asesmen psikososial pasien, konseling keluarga, dan penghubungan pasien dengan jaminan kesehatan."),
         ("Rehabilitasi Medik", "Fisioterapi, terapi okupasi, dan terapi wicara bagi pasien rawat jalan maupun rawat inap."),
         ("Rawat Jalan Jiwa", "Pemantauan pengobatan dan kelompok dukungan bagi pasien dan keluarganya."),
         ("Penanganan Pasien Terlantar", "Koordinasi dengan dinas sosial untuk pasien tanpa keluarga atau tanpa jaminan biaya.")),
        ("Unit", "Rawat inap", "Rawat jalan"),
        "Pekerja Sosial Medis"),
    "lainnya": Setting(
        "lainnya",
        ("Balai Pemasyarakatan {r}", "Yayasan {n}", "Lembaga Perlindungan Anak {n}", "Rumah Aman {n}"),
        ("korban_kekerasan", "napza", "kelompok_rentan", "ketelantaran", "anak"),
        ("institusi", "institusi", "institusi", "institusi", "institusi", "institusi", "laboratorium"),
        (("Pendampingan Korban", "Pendampingan psikososial dan hukum bagi korban kekerasan bersama mitra penegak hukum."),
         ("Rumah Singgah", "Tempat tinggal sementara yang aman bagi penerima manfaat selama proses pemulihan."),
         ("Reintegrasi Sosial", "Persiapan kembali ke keluarga dan masyarakat melalui konferensi keluarga dan kunjungan rumah."),
         ("Edukasi Masyarakat", "Penyuluhan pencegahan kekerasan dan penyalahgunaan NAPZA di sekolah dan kampung.")),
        ("Kategori kasus", "Jumlah kasus", "Selesai ditangani"),
        "Pekerja Sosial Lembaga"),
}


# Ages an institution's name implies (a name pattern's beginning -> youngest, oldest client); others take any age.
INSTITUTION_AGES = {
    "Sekolah Dasar": (6, 12), "SMP": (12, 15), "SMK": (15, 18), "SLB": (6, 21),
    "Panti Sosial Tresna Werdha": (60, 90), "Panti Asuhan": (6, 17), "Lembaga Perlindungan Anak": (6, 17),
}


def institution_ages(pattern: str) -> tuple[int, int]:
    return next((ages for start, ages in INSTITUTION_AGES.items() if pattern.startswith(start)), (0, 120))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int] | None:
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return (low, high) if low <= high else None


@dataclass(frozen=True)
class Cluster:
    code: str
    ages: tuple[int, int]
    roles: tuple[str, ...]
    symptoms: tuple[str, ...]
    causes: tuple[str, ...]
    impacts: tuple[str, ...]
    focuses: tuple[str, ...]
    needs: tuple[str, ...]
    themes: tuple[tuple[str, str, str], ...]   # (activity id, activity name, measurable target)
    concepts: tuple[tuple[str, str], ...]      # (concept title, its first sentence)
    regulation: tuple[str, str]
    disability: str | None = None


CLUSTERS: dict[str, Cluster] = {
    "anak": Cluster(
        "anak", (9, 17), ("Siswa kelas {g}", "Anak asuh di asrama"),
        ("Sering menyendiri dan enggan bergaul dengan teman sebaya.", "Prestasi sekolah menurun dalam dua semester terakhir.",
         "Mudah marah ketika ditegur pengasuh atau guru.", "Sering tidak mengerjakan tugas sekolah."),
        ("Pengasuhan yang berganti-ganti sejak kecil.", "Kurangnya perhatian orang dewasa yang konsisten.",
         "Keterampilan mengelola emosi belum berkembang."),
        ("Relasi dengan teman sebaya renggang.", "Kepercayaan diri anak rendah.", "Anak berisiko putus sekolah."),
        ("Rendahnya kemampuan anak mengelola emosi dan membangun relasi dengan teman sebaya.",
         "Rendahnya kepercayaan diri anak dalam kegiatan sekolah dan asrama."),
        ("Pendampingan emosi yang konsisten.", "Ruang aman untuk berekspresi.", "Dukungan pengasuh dan guru."),
        (("kelola_emosi", "Latihan mengelola emosi", "Anak menyebutkan 3 cara menenangkan diri"),
         ("permainan_kelompok", "Permainan kelompok kerja sama", "Anak mengikuti 4 permainan tanpa konflik"),
         ("jurnal_harian", "Menulis jurnal perasaan harian", "5 catatan jurnal dalam dua minggu")),
        (("Perkembangan anak usia sekolah", "Masa usia sekolah ditandai tugas perkembangan menguasai keterampilan dan membangun relasi dengan teman sebaya."),
         ("Pengasuhan berbasis keluarga", "Pengasuhan berbasis keluarga menempatkan keluarga sebagai lingkungan utama tumbuh kembang anak.")),
        ("Undang-Undang Nomor 35 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak",
         "Menjamin hak anak atas tumbuh kembang, perlindungan dari kekerasan, dan partisipasi sesuai usianya.")),
    "disabilitas": Cluster(
        "disabilitas", (19, 55), ("Penerima manfaat rehabilitasi", "Pekerja lepas", "Ibu rumah tangga"),
        ("Menarik diri dari kegiatan warga sejak mengalami disabilitas.", "Bergantung pada keluarga untuk mobilitas sehari-hari.",
         "Belum memiliki penghasilan sendiri.", "Merasa malu menggunakan alat bantu di tempat umum."),
        ("Akses lingkungan yang belum ramah disabilitas.", "Stigma dari lingkungan sekitar.", "Informasi tentang hak dan program bantuan terbatas."),
        ("Keberfungsian sosial klien menurun.", "Beban ekonomi keluarga bertambah.", "Klien kehilangan kepercayaan diri."),
        ("Rendahnya kemandirian klien dalam mobilitas dan kegiatan ekonomi.", "Rendahnya partisipasi sosial klien akibat stigma dan hambatan lingkungan."),
        ("Alat bantu yang sesuai.", "Keterampilan kerja yang dapat dilakukan dari rumah.", "Dukungan keluarga dan kelompok sebaya."),
        (("orientasi_mobilitas", "Latihan orientasi dan mobilitas", "Klien bepergian mandiri ke 2 tempat tujuan"),
         ("keterampilan_usaha", "Pelatihan keterampilan usaha rumahan", "Klien membuat 10 produk siap jual"),
         ("kelompok_sebaya", "Kelompok dukungan sebaya", "Klien hadir di 4 pertemuan kelompok")),
        (("Model sosial disabilitas", "Model sosial memandang disabilitas sebagai hasil interaksi antara hambatan fisik dan lingkungan yang tidak aksesibel."),
         ("Keberfungsian sosial", "Keberfungsian sosial adalah kemampuan seseorang menjalankan peran sosialnya dan memenuhi kebutuhannya.")),
        ("Undang-Undang Nomor 8 Tahun 2016 tentang Penyandang Disabilitas",
         "Mengatur penghormatan, perlindungan, dan pemenuhan hak penyandang disabilitas, termasuk hak atas pekerjaan dan aksesibilitas."),
        "Disabilitas fisik (daksa)"),
    "disabilitas_intelektual": Cluster(
        "disabilitas_intelektual", (12, 25), ("Siswa SMPLB", "Peserta pelatihan vokasional"),
        ("Kesulitan mengikuti instruksi yang terdiri atas beberapa langkah.", "Belum mampu mengelola uang saku sendiri.",
         "Bergantung pada pendamping dalam kegiatan sehari-hari.", "Cepat kehilangan konsentrasi dalam kegiatan kelompok."),
        ("Hambatan intelektual yang memengaruhi cara memahami informasi.", "Kesempatan berlatih keterampilan hidup terbatas.",
         "Pendampingan keluarga belum terarah."),
        ("Kemandirian klien dalam kehidupan sehari-hari rendah.", "Klien kurang percaya diri di depan teman.", "Bekal keterampilan kerja belum memadai."),
        ("Rendahnya keterampilan hidup mandiri klien, terutama mengelola uang dan menyiapkan makanan.",),
        ("Latihan keterampilan bertahap dengan contoh langsung.", "Pujian dan penguatan yang konsisten.", "Pendampingan keluarga."),
        (("tata_boga", "Kelompok keterampilan tata boga", "Klien memasak 3 resep sederhana secara mandiri"),
         ("kelola_uang", "Latihan mencatat dan mengelola uang", "Klien mencatat pengeluaran selama 7 hari"),
         ("bina_diri", "Latihan bina diri harian", "Klien menyelesaikan 5 kegiatan bina diri tanpa bantuan")),
        (("Disabilitas intelektual", "Disabilitas intelektual ditandai keterbatasan fungsi intelektual dan perilaku adaptif yang muncul sebelum usia dewasa."),
         ("Independent living skills", "Keterampilan hidup mandiri mencakup merawat diri, mengelola uang, memasak, dan memanfaatkan fasilitas umum.")),
        ("Undang-Undang Nomor 8 Tahun 2016 tentang Penyandang Disabilitas",
         "Menjamin hak penyandang disabilitas intelektual atas pendidikan, habilitasi, dan rehabilitasi."),
        "Disabilitas intelektual ringan"),
    "lansia": Cluster(
        "lansia", (60, 82), ("Warga lanjut usia", "Penerima manfaat panti", "Mantan buruh tani"),
        ("Sering merasa kesepian dan jarang berbicara dengan penghuni lain.", "Kondisi fisik menurun dan mudah lelah.",
         "Kurang terlibat dalam kegiatan bersama.", "Jarang dikunjungi keluarga."),
        ("Kehilangan pasangan hidup.", "Jarak dengan keluarga yang bekerja di kota lain.", "Penyakit kronis yang membatasi gerak."),
        ("Kesejahteraan psikologis klien menurun.", "Kesehatan fisik klien memburuk.", "Relasi sosial klien menyempit."),
        ("Rendahnya keterlibatan sosial klien dan perasaan kesepian yang berkepanjangan.", "Menurunnya kemandirian klien dalam aktivitas harian."),
        ("Teman bicara dan kegiatan bersama.", "Pemantauan kesehatan rutin.", "Kunjungan atau komunikasi keluarga."),
        (("reminiscence", "Kelompok kenangan (reminiscence)", "Klien bercerita di 4 pertemuan kelompok"),
         ("senam_lansia", "Senam dan jalan pagi bersama", "Klien mengikuti 6 kali senam"),
         ("kontak_keluarga", "Pemulihan kontak dengan keluarga", "2 kali komunikasi dengan keluarga")),
        (("Lanjut usia dan penuaan", "Penuaan membawa perubahan fisik, psikologis, dan sosial yang menuntut penyesuaian peran."),
         ("Dukungan sosial", "Dukungan sosial mencakup dukungan emosional, instrumental, informasi, dan penghargaan dari orang sekitar.")),
        ("Undang-Undang Nomor 13 Tahun 1998 tentang Kesejahteraan Lanjut Usia",
         "Mengatur upaya peningkatan kesejahteraan sosial lanjut usia, baik yang potensial maupun tidak potensial.")),
    "kemiskinan": Cluster(
        "kemiskinan", (28, 55), ("Buruh harian lepas", "Pedagang kecil", "Ibu rumah tangga penerima PKH"),
        ("Penghasilan tidak tetap dan tidak mencukupi kebutuhan dasar.", "Belum memiliki catatan keuangan rumah tangga.",
         "Mengandalkan pinjaman untuk kebutuhan sehari-hari.", "Anak sering tidak membawa bekal ke sekolah."),
        ("Keterampilan usaha terbatas.", "Akses permodalan yang sulit.", "Tanggungan keluarga besar."),
        ("Kebutuhan dasar keluarga sulit dipenuhi.", "Utang keluarga bertambah.", "Klien merasa tertekan dan cemas."),
        ("Keterbatasan keterampilan klien dalam mengelola usaha dan keuangan keluarga.",),
        ("Keterampilan usaha yang sesuai potensi lokal.", "Pencatatan keuangan sederhana.", "Akses ke program bantuan sosial."),
        (("usaha_olahan", "Pelatihan usaha olahan pangan", "Klien memproduksi dan menjual 2 jenis produk"),
         ("catatan_keuangan", "Pencatatan keuangan rumah tangga", "Catatan keuangan 14 hari berturut-turut"),
         ("akses_bantuan", "Penghubungan dengan program bantuan", "Klien terdaftar di 1 program bantuan")),
        (("Kemiskinan dan kerentanan", "Kemiskinan tidak hanya soal pendapatan, tetapi juga keterbatasan akses terhadap sumber dan kesempatan."),
         ("Pemberdayaan ekonomi keluarga", "Pemberdayaan ekonomi keluarga menguatkan kemampuan keluarga menghasilkan dan mengelola pendapatan.")),
        ("Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin",
         "Mengatur tanggung jawab negara dan masyarakat dalam penanganan fakir miskin secara terarah dan berkelanjutan.")),
    "ketelantaran": Cluster(
        "ketelantaran", (14, 70), ("Penerima manfaat hasil penjangkauan", "Pemulung"),
        ("Tidak memiliki tempat tinggal tetap sebelum dijangkau petugas.", "Tidak memiliki dokumen kependudukan.",
         "Enggan menceritakan riwayat keluarganya.", "Kebersihan diri kurang terjaga."),
        ("Konflik dengan keluarga di masa lalu.", "Kehilangan pekerjaan.", "Jaringan sosial yang terputus."),
        ("Klien tidak dapat mengakses jaminan sosial.", "Kesehatan klien rentan.", "Klien terisolasi dari keluarga."),
        ("Terputusnya relasi klien dengan keluarga dan belum terpenuhinya dokumen kependudukan.",),
        ("Dokumen kependudukan.", "Penelusuran keluarga.", "Tempat tinggal yang aman."),
        (("penelusuran_keluarga", "Penelusuran dan mediasi keluarga", "1 kali pertemuan dengan keluarga"),
         ("dokumen", "Pengurusan dokumen kependudukan", "Klien memiliki 1 dokumen kependudukan"),
         ("bina_diri", "Latihan kebersihan diri", "Klien menjaga kebersihan diri 7 hari berturut-turut")),
        (("Ketelantaran", "Ketelantaran terjadi ketika kebutuhan dasar seseorang tidak terpenuhi karena terputusnya dukungan keluarga dan lingkungan."),
         ("Reunifikasi keluarga", "Reunifikasi keluarga adalah proses menyatukan kembali klien dengan keluarganya secara aman.")),
        ("Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial",
         "Menjadi dasar penyelenggaraan rehabilitasi, jaminan, pemberdayaan, dan perlindungan sosial.")),
    "korban_bencana": Cluster(
        "korban_bencana", (20, 60), ("Petani penyintas banjir", "Pedagang penyintas gempa"),
        ("Sulit tidur dan mudah cemas ketika hujan deras.", "Belum kembali bekerja sejak bencana.",
         "Tinggal di hunian sementara yang sempit.", "Menghindari pembicaraan tentang kejadian bencana."),
        ("Kehilangan rumah dan alat kerja.", "Trauma akibat kejadian bencana.", "Bantuan yang belum merata."),
        ("Penghasilan keluarga terhenti.", "Kesehatan mental klien terganggu.", "Anak-anak klien ikut cemas."),
        ("Kecemasan klien pascabencana yang menghambat pemulihan mata pencaharian.",),
        ("Dukungan psikososial.", "Modal untuk memulai kembali usaha.", "Informasi kesiapsiagaan bencana."),
        (("dukungan_psikososial", "Dukungan psikososial awal", "Skor cemas klien turun pada 3 pertemuan"),
         ("pemulihan_usaha", "Pemulihan mata pencaharian", "Klien kembali bekerja minimal 3 hari seminggu"),
         ("siaga_bencana", "Kelompok siaga bencana warga", "Rencana evakuasi keluarga tersusun")),
        (("Dukungan psikososial pascabencana", "Dukungan psikososial membantu penyintas memulihkan rasa aman, ketenangan, dan keterhubungan."),
         ("Resiliensi komunitas", "Resiliensi komunitas adalah kemampuan warga bangkit bersama setelah guncangan.")),
        ("Undang-Undang Nomor 24 Tahun 2007 tentang Penanggulangan Bencana",
         "Mengatur penyelenggaraan penanggulangan bencana pada tahap prabencana, tanggap darurat, dan pascabencana.")),
    "korban_kekerasan": Cluster(
        "korban_kekerasan", (13, 45), ("Siswa SMP", "Ibu rumah tangga", "Pekerja pabrik"),
        ("Tampak takut ketika membicarakan rumah.", "Sering terlambat dan tidak fokus dalam kegiatan.",
         "Menyalahkan diri sendiri atas kejadian yang dialami.", "Menghindari kontak dengan orang baru."),
        ("Relasi kuasa yang timpang di keluarga.", "Tekanan ekonomi keluarga.", "Belum mengetahui jalur perlindungan."),
        ("Rasa aman klien hilang.", "Kepercayaan diri klien menurun.", "Fungsi sosial klien terganggu."),
        ("Rendahnya rasa aman dan kepercayaan diri klien setelah mengalami kekerasan.",),
        ("Tempat aman dan rencana keselamatan.", "Pendampingan psikososial.", "Informasi jalur perlindungan hukum."),
        (("rencana_aman", "Penyusunan rencana keselamatan", "Rencana keselamatan tertulis disepakati"),
         ("penguatan_diri", "Penguatan harga diri", "Klien menyebutkan 5 kekuatan dirinya"),
         ("kelompok_dukungan", "Kelompok dukungan penyintas", "Klien hadir di 4 pertemuan")),
        (("Trauma-informed care", "Pendekatan peka trauma menempatkan rasa aman, kepercayaan, dan pilihan klien sebagai dasar pertolongan."),
         ("Siklus kekerasan", "Siklus kekerasan menjelaskan pola ketegangan, ledakan, dan rekonsiliasi yang berulang.")),
        ("Undang-Undang Nomor 23 Tahun 2004 tentang Penghapusan Kekerasan dalam Rumah Tangga",
         "Mengatur pencegahan kekerasan dalam rumah tangga serta perlindungan dan pemulihan korban.")),
    "napza": Cluster(
        "napza", (17, 40), ("Residen rehabilitasi", "Pekerja bengkel"),
        ("Masih merasakan dorongan kuat untuk kembali memakai.", "Relasi dengan keluarga tegang.",
         "Belum memiliki rencana kegiatan setelah rehabilitasi.", "Sering melanggar jadwal harian."),
        ("Pergaulan dengan teman pemakai.", "Cara mengatasi stres yang kurang sehat.", "Kurangnya kegiatan produktif."),
        ("Risiko kambuh tinggi.", "Kepercayaan keluarga menurun.", "Klien kehilangan pekerjaan."),
        ("Rendahnya kemampuan klien mengenali pemicu dan mencegah kekambuhan.",),
        ("Keterampilan mencegah kekambuhan.", "Dukungan keluarga.", "Kegiatan produktif setelah rehabilitasi."),
        (("cegah_kambuh", "Latihan pencegahan kekambuhan", "Klien menyusun daftar 5 pemicu dan cara menghadapinya"),
         ("konseling_keluarga", "Konseling keluarga", "2 pertemuan keluarga terlaksana"),
         ("keterampilan_kerja", "Pelatihan keterampilan kerja", "Klien menyelesaikan 1 modul pelatihan")),
        (("Adiksi dan pemulihan", "Adiksi dipahami sebagai kondisi kambuhan yang pemulihannya menuntut perubahan perilaku dan dukungan lingkungan."),
         ("Pencegahan kekambuhan", "Pencegahan kekambuhan menekankan kemampuan mengenali pemicu dan menyiapkan respons alternatif.")),
        ("Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika",
         "Mewajibkan rehabilitasi medis dan sosial bagi pecandu narkotika.")),
    "kelompok_rentan": Cluster(
        "kelompok_rentan", (18, 50), ("Pekerja rumahan", "Perempuan kepala keluarga", "Pekerja migran purna"),
        ("Tidak memiliki jaminan sosial.", "Jam kerja panjang dengan upah rendah.",
         "Jarang terlibat dalam pertemuan warga.", "Kesulitan membagi waktu antara kerja dan pengasuhan."),
        ("Status kerja informal.", "Informasi tentang hak pekerja terbatas.", "Beban ganda sebagai pencari nafkah."),
        ("Kerentanan ekonomi keluarga tinggi.", "Klien kelelahan fisik dan emosional.", "Anak kurang mendapat pengasuhan."),
        ("Terbatasnya akses klien terhadap jaminan sosial dan jaringan dukungan.",),
        ("Informasi jaminan sosial.", "Kelompok dukungan sesama pekerja.", "Pengaturan waktu kerja dan pengasuhan."),
        (("jaminan_sosial", "Pendampingan pendaftaran jaminan sosial", "Klien terdaftar sebagai peserta jaminan sosial"),
         ("kelompok_pekerja", "Kelompok diskusi pekerja rumahan", "4 pertemuan kelompok terlaksana"),
         ("atur_waktu", "Konseling pengaturan waktu keluarga", "Jadwal harian keluarga tersusun")),
        (("Kerentanan sosial", "Kerentanan sosial menggambarkan kondisi ketika seseorang mudah terdampak guncangan karena terbatasnya sumber."),
         ("Perlindungan sosial", "Perlindungan sosial mencakup jaminan sosial, bantuan sosial, dan advokasi hak.")),
        ("Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial",
         "Mengatur penyelenggaraan jaminan kesehatan dan ketenagakerjaan bagi seluruh warga, termasuk pekerja informal.")),
    "pemberdayaan_masyarakat": Cluster(
        "pemberdayaan_masyarakat", (25, 55), ("Ketua kelompok tani", "Anggota kelompok usaha bersama", "Kader posyandu"),
        ("Kelompok belum memiliki pembukuan yang rapi.", "Pertemuan kelompok jarang diadakan.",
         "Pemasaran hasil usaha masih bergantung pada tengkulak.", "Pembagian tugas pengurus belum jelas."),
        ("Kapasitas pengurus kelompok terbatas.", "Pendampingan dari mitra belum berkelanjutan.", "Partisipasi anggota rendah."),
        ("Usaha kelompok tidak berkembang.", "Anggota kehilangan motivasi.", "Bantuan mitra tidak termanfaatkan optimal."),
        ("Rendahnya kapasitas klien sebagai pengurus dalam menggerakkan kelompok usaha.",),
        ("Keterampilan manajemen kelompok.", "Jejaring pemasaran.", "Pendampingan mitra yang berkelanjutan."),
        (("manajemen_kelompok", "Penguatan manajemen kelompok", "Pembukuan kelompok 1 bulan tersusun"),
         ("pemasaran", "Perluasan jejaring pemasaran", "Kelompok menjalin 2 mitra pemasaran baru"),
         ("musyawarah", "Musyawarah rencana kerja kelompok", "Rencana kerja 6 bulan disepakati")),
        (("Pemberdayaan masyarakat", "Pemberdayaan masyarakat adalah proses memperkuat kemampuan warga mengendalikan keputusan yang memengaruhi hidupnya."),
         ("Pengembangan kapasitas", "Pengembangan kapasitas adalah proses berkelanjutan memperkuat pengetahuan, keterampilan, dan kelembagaan.")),
        ("Undang-Undang Nomor 6 Tahun 2014 tentang Desa",
         "Memberi kewenangan desa untuk memberdayakan masyarakat melalui lembaga kemasyarakatan dan kelompok usaha.")),
}

# Setting -> the places a session may be held.
SESSION_PLACES = {
    "industri": ["Balai warga desa binaan", "Rumah klien", "Kebun kelompok", "Kantor CSR perusahaan"],
    "primer": ["Ruang konseling sentra", "Asrama penerima manfaat", "Ruang keterampilan", "Aula sentra"],
    "komunitas": ["Balai desa", "Rumah klien", "Posyandu dusun", "Musala kampung"],
    "sekolah": ["Ruang bimbingan dan konseling", "Ruang kelas", "Perpustakaan sekolah", "Halaman sekolah"],
    "rumah_sakit": ["Ruang pekerja sosial medis", "Bangsal rawat inap", "Ruang tunggu poli", "Taman rumah sakit"],
    "lainnya": ["Ruang konseling lembaga", "Rumah aman", "Ruang pertemuan lembaga", "Rumah klien"],
}

RELIGIONS = ["Islam", "Islam", "Islam", "Kristen Protestan", "Katolik", "Hindu", "Buddha"]
ETHNICITIES = ["Sunda", "Jawa", "Bugis", "Batak", "Minangkabau", "Sasak", "Ambon", "Betawi", "Makassar"]
EDUCATION = ["Tidak tamat SD", "SD", "SMP", "SMA/SMK", "D3", "S1"]
