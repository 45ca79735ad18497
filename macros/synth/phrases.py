"""Indonesian sentence banks and the helpers that assemble them into paragraphs.

Sentences carry `{slots}` filled from the report's context (institution, client code,
focus of the problem, ...). A paragraph is a seeded choice of sentences from a bank, so
two reports never read alike but the same seed always writes the same words. No
sentence uses the roots `layan` or `ajar`: those are search probes (probes.py).
"""

from __future__ import annotations

import random
import re

_MARKDOWN_START = re.compile(r"^(?:\d+[.)]|[-+*#>|])")

BACKGROUND = [
    "{campus} menyelenggarakan pendidikan pekerjaan sosial yang menekankan keseimbangan antara teori di kelas dan praktik di lapangan.",
    "Praktikum merupakan bagian wajib kurikulum {programme} dan menjadi wahana mahasiswa menerapkan nilai, pengetahuan, dan keterampilan pekerjaan sosial.",
    "Melalui {kind_label}, mahasiswa ditempatkan di lembaga atau komunitas untuk menangani kasus nyata di bawah supervisi dosen dan pendamping lapangan.",
    "Praktikan ditempatkan di {inst}, sebuah lembaga dengan setting {setting_label} di {region}.",
    "Lembaga ini dipilih karena memiliki penerima manfaat dengan kebutuhan yang sesuai dengan kompetensi pekerjaan sosial generalis.",
    "Selama periode praktikum, praktikan terlibat dalam kegiatan rutin lembaga sekaligus menangani satu klien dari tahap engagement sampai terminasi.",
    "Kelompok praktikan terdiri atas beberapa mahasiswa yang dibagi ke unit kerja berbeda sesuai kebutuhan lembaga.",
    "Praktikan bertugas di {village}, {district}, yang menjadi salah satu wilayah sasaran program lembaga.",
    "Pada tahun {year}, lembaga tengah memperkuat program pendampingan bagi penerima manfaat dengan klaster {cluster_label}.",
    "Permasalahan yang dihadapi penerima manfaat di lokasi ini cukup beragam, mulai dari persoalan ekonomi, relasi keluarga, sampai keterbatasan akses terhadap sumber.",
    "Kehadiran mahasiswa praktikum diharapkan memberi dukungan tenaga dan gagasan baru bagi program lembaga.",
    "Laporan ini mendokumentasikan seluruh proses tersebut sebagai bahan evaluasi bagi kampus, lembaga, dan praktikan sendiri.",
    "Praktikum juga melatih kepekaan mahasiswa terhadap nilai-nilai profesi, seperti penghargaan terhadap martabat klien dan kerahasiaan.",
    "Kasus yang ditangani praktikan adalah klien {code}, dengan fokus masalah {focus_lower}",
]

GENERAL_AIM = [
    "Mahasiswa mampu menerapkan kompetensi pekerjaan sosial generalis pada aras mikro dan mezzo di setting {setting_label}, dari engagement sampai terminasi dan rujukan.",
    "Mahasiswa mampu mengintegrasikan nilai, pengetahuan, dan keterampilan pekerjaan sosial dalam penanganan kasus nyata di {inst}.",
    "Mahasiswa menguasai proses pertolongan pekerjaan sosial secara utuh dan mampu mempertanggungjawabkannya dalam laporan tertulis.",
]

SPECIFIC_AIMS = [
    "Menerapkan prinsip, nilai, dan kode etik pekerjaan sosial dalam seluruh kegiatan praktikum.",
    "Menjalankan tahap engagement, intake, dan kontrak secara profesional.",
    "Melakukan asesmen dengan alat yang sesuai dan menyusun analisis masalah.",
    "Menyusun rencana intervensi dengan tujuan yang spesifik, terukur, dan berbatas waktu.",
    "Melaksanakan intervensi dengan metode dan teknik yang tepat.",
    "Mengevaluasi proses dan hasil intervensi secara terukur.",
    "Memahami konteks, program, dan jaringan kerja lembaga tempat praktikum.",
    "Mendokumentasikan praktik baik sebagai bahan pengembangan profesi.",
]

BENEFITS = [
    "Bagi mahasiswa: memperoleh pengalaman nyata menangani kasus dari awal hingga akhir.",
    "Bagi mahasiswa: mengasah keterampilan komunikasi, asesmen, dan intervensi.",
    "Bagi mahasiswa: mengenal dinamika kerja lembaga dan jejaring profesional.",
    "Bagi lembaga: memperoleh dukungan tenaga dan gagasan untuk program pendampingan.",
    "Bagi lembaga: mendapat dokumentasi kasus yang dapat dipakai untuk evaluasi program.",
    "Bagi kampus: memperoleh umpan balik tentang relevansi kurikulum dengan kebutuhan lapangan.",
    "Bagi kampus: memperkuat kemitraan dengan lembaga tempat praktikum.",
]

TARGETS = [
    "Penerima manfaat {inst} dengan klaster {cluster_label}.",
    "Keluarga dan significant others yang memengaruhi kondisi klien.",
    "Pengurus dan staf lembaga yang terlibat dalam program pendampingan.",
    "Kelompok atau komunitas di sekitar klien yang dapat menjadi sistem sumber.",
]

METHODS_INTRO = [
    "Metode pekerjaan sosial menentukan cara praktikan memahami dan menolong klien.",
    "Secara umum metode pekerjaan sosial dibedakan menjadi metode langsung dan tidak langsung.",
    "Metode langsung meliputi social casework, social groupwork, dan community organization atau community development.",
    "Pemilihan metode disesuaikan dengan fokus masalah, kesiapan klien, dan sumber yang tersedia di lembaga.",
    "Dalam praktikum ini praktikan memakai {method_labels}.",
]
METHOD_TEXT = {
    "casework": [
        "Social casework adalah metode pertolongan perorangan yang membantu individu memecahkan masalah sosialnya secara lebih efektif.",
        "Komponen casework mencakup orang, masalah, tempat, dan proses pertolongan.",
        "Teknik casework antara lain small talk, ventilation, support, reassurance, clarification, dan logical discussion.",
        "Keberhasilan casework sangat ditentukan oleh kualitas relasi antara pekerja sosial dan klien.",
        "Casework menuntut keterampilan mendengarkan aktif, empati, dan kemampuan merumuskan masalah bersama klien.",
    ],
    "groupwork": [
        "Social groupwork memanfaatkan dinamika kelompok untuk membantu anggotanya mencapai tujuan pribadi maupun bersama.",
        "Garvin membedakan sembilan tipe kelompok, antara lain educational group, socialization group, self-help group, dan therapeutic group.",
        "Tahapan groupwork meliputi persiapan, pembentukan, transisi, kerja, dan pengakhiran kelompok.",
        "Pekerja sosial berperan sebagai fasilitator yang menjaga agar setiap anggota mendapat kesempatan berpartisipasi.",
        "Norma kelompok yang disepakati bersama membantu anggota merasa aman untuk berbagi pengalaman.",
    ],
    "community_organization": [
        "Community organization atau community development adalah metode yang menggerakkan warga untuk mengenali masalah dan sumber mereka sendiri.",
        "Pekerja sosial komunitas berperan sebagai pemungkin, penghubung, dan fasilitator musyawarah warga.",
        "Tahapan pengembangan masyarakat meliputi persiapan, asesmen komunitas, perencanaan partisipatif, pelaksanaan, dan evaluasi.",
        "Pemetaan sosial dan diskusi kelompok terarah sering dipakai untuk menemukan potensi warga.",
        "Keberlanjutan kegiatan komunitas bergantung pada kepemimpinan lokal dan rasa memiliki warga.",
    ],
}

STAGES_TEXT = [
    "Siporin merumuskan proses pertolongan dalam tahap engagement-intake-kontrak, asesmen, perencanaan, intervensi, serta evaluasi dan terminasi.",
    "Tahap engagement membangun relasi dan kepercayaan antara pekerja sosial dan calon klien.",
    "Intake memastikan bahwa masalah calon klien sesuai dengan kewenangan lembaga dan kesediaan klien untuk ditolong.",
    "Kontrak adalah kesepakatan tentang tujuan, peran, dan jangka waktu pertolongan.",
    "Asesmen merupakan proses mengumpulkan dan menafsirkan informasi sebagai dasar perencanaan.",
    "Rencana intervensi disusun dengan tujuan yang spesifik, terukur, dapat dicapai, realistis, dan berbatas waktu.",
    "Intervensi adalah pelaksanaan rencana yang telah disepakati bersama klien.",
    "Evaluasi menilai proses dan hasil pertolongan, sedangkan terminasi mengakhiri relasi profesional secara terencana.",
    "Rujukan dilakukan bila klien masih membutuhkan bantuan dari pihak lain setelah terminasi.",
]

ROLES_TEXT = [
    "Pekerja sosial dapat berperan sebagai konselor, edukator, broker, mediator, fasilitator, advokat, dan manajer kasus.",
    "Dalam kasus ini praktikan terutama berperan sebagai {role_a} bagi klien {code}.",
    "Peran {role_b} dijalankan ketika praktikan menghubungkan klien dengan sumber di luar dirinya.",
    "Peran fasilitator tampak dalam pertemuan kelompok, ketika praktikan menjaga alur diskusi dan partisipasi anggota.",
    "Pemilihan peran selalu mempertimbangkan kebutuhan klien dan kewenangan lembaga.",
]

CONCEPT_EXTRA = [
    "Konsep ini membantu praktikan memahami situasi klien {code} secara lebih utuh.",
    "Dalam praktik, konsep tersebut diterjemahkan menjadi langkah-langkah pendampingan yang sederhana dan dapat diukur.",
    "Berbagai penelitian menunjukkan bahwa dukungan lingkungan sangat memengaruhi keberhasilan pendekatan ini.",
    "Praktikan memakai konsep ini untuk menentukan fokus asesmen dan memilih teknik intervensi.",
    "Penerapannya menuntut kepekaan terhadap nilai budaya setempat dan pilihan klien sendiri.",
]

INSTITUTION_OVERVIEW = [
    "{inst} berada di {region} dan menjadi salah satu lembaga dengan setting {setting_label} yang bermitra dengan {campus_short}.",
    "Lembaga ini berdiri pada tahun {founded} dan terus berkembang mengikuti kebutuhan penerima manfaat.",
    "Wilayah kerja lembaga mencakup beberapa kecamatan, dengan {district} sebagai salah satu wilayah prioritas.",
    "Lembaga bekerja sama dengan pemerintah daerah, puskesmas, sekolah, dan organisasi masyarakat setempat.",
    "Setiap tahun lembaga menerima mahasiswa praktikum dari berbagai perguruan tinggi.",
    "Staf lembaga terdiri atas pimpinan, pekerja sosial, tenaga administrasi, dan relawan.",
    "Lembaga memiliki ruang pertemuan, ruang konseling, dan sarana kegiatan yang dapat dipakai praktikan.",
    "Penerima manfaat lembaga sebagian besar berasal dari keluarga dengan kondisi sosial ekonomi menengah ke bawah.",
]

PROFILE_SECTIONS = [
    ("Sejarah singkat", [
        "{inst} dirintis oleh sekelompok tokoh masyarakat dan pemerintah daerah pada tahun {founded}.",
        "Pada awalnya kegiatan lembaga terbatas pada bantuan darurat, lalu berkembang menjadi program pendampingan yang terencana.",
        "Perubahan struktur organisasi beberapa tahun terakhir membuat program lembaga lebih terarah.",
    ]),
    ("Visi dan misi", [
        "Visi lembaga adalah terwujudnya penerima manfaat yang mandiri, berdaya, dan sejahtera.",
        "Misinya antara lain memperkuat keberfungsian sosial, mengembangkan jejaring sumber, dan meningkatkan kapasitas staf.",
        "Visi dan misi tersebut dijabarkan ke dalam rencana kerja tahunan lembaga.",
    ]),
    ("Struktur organisasi", [
        "Lembaga dipimpin oleh seorang kepala yang dibantu bagian tata usaha, koordinator program, dan pekerja sosial.",
        "Praktikan berada di bawah koordinasi {staff_role} yang sekaligus menjadi pendamping lapangan.",
        "Pembagian tugas yang jelas memudahkan praktikan mengetahui kepada siapa harus berkoordinasi.",
    ]),
    ("Sarana dan prasarana", [
        "Sarana lembaga meliputi ruang kantor, ruang pertemuan, ruang konseling, dapur, dan halaman untuk kegiatan bersama.",
        "Beberapa sarana masih perlu diperbaiki, terutama akses bagi pengguna kursi roda.",
        "Lembaga juga memiliki kendaraan operasional untuk kunjungan rumah.",
    ]),
    ("Jaringan kerja", [
        "Lembaga menjalin kerja sama dengan dinas sosial, puskesmas, sekolah, perusahaan sekitar, dan organisasi keagamaan.",
        "Jejaring ini dimanfaatkan ketika penerima manfaat membutuhkan rujukan atau bantuan tambahan.",
        "Forum koordinasi antarlembaga diadakan secara berkala untuk membahas kasus yang memerlukan penanganan bersama.",
    ]),
]

BENEFICIARY_TEXT = [
    "Penerima manfaat {inst} terdiri atas individu, keluarga, dan kelompok dengan kebutuhan yang beragam.",
    "Sebagian besar penerima manfaat termasuk klaster {cluster_label} dan kelompok rentan lainnya.",
    "Data penerima manfaat diperbarui setiap semester oleh bagian administrasi lembaga.",
    "Rincian jumlah penerima manfaat pada tahun {year} disajikan dalam tabel berikut.",
]

STAGE_PROCESS = {
    "engagement": [
        "Praktikan memperkenalkan diri kepada {whom} dan menjelaskan maksud kehadirannya di {inst}.",
        "Pertemuan dibuka dengan obrolan ringan agar suasana cair dan {whom} merasa nyaman.",
        "Praktikan mendengarkan cerita {whom} tentang kegiatan sehari-hari tanpa terburu-buru menggali masalah.",
        "Dari percakapan itu praktikan mendapat gambaran awal tentang situasi calon klien.",
        "Praktikan menyepakati waktu pertemuan berikutnya sesuai kesediaan {whom}.",
    ],
    "intake": [
        "Praktikan menjelaskan tujuan pendampingan dan memastikan klien {code} bersedia mengikuti proses pertolongan.",
        "Informasi awal tentang kondisi klien dicatat dalam lembar intake lembaga.",
        "Praktikan mengecek kesesuaian masalah klien dengan program dan kewenangan {inst}.",
        "Klien diberi kesempatan bertanya tentang peran praktikan dan jangka waktu pendampingan.",
    ],
    "kontrak": [
        "Praktikan dan klien {code} menyepakati tujuan, jadwal pertemuan, serta peran masing-masing.",
        "Kesepakatan dituangkan dalam lembar kontrak dan formulir persetujuan yang ditandatangani tanpa paksaan.",
        "Praktikan menjelaskan bahwa klien boleh mengakhiri proses kapan saja bila merasa tidak nyaman.",
        "Kerahasiaan informasi dijelaskan dengan bahasa yang mudah dipahami.",
    ],
}

ASSESSMENT_PROCESS = [
    "Asesmen dilakukan setelah kontrak disepakati, dengan mengumpulkan data dari klien {code} dan significant others.",
    "Praktikan memakai {tools} untuk menggali kondisi, masalah, kebutuhan, dan potensi klien.",
    "Wawancara dilakukan secara bertahap agar klien tidak merasa diinterogasi.",
    "Observasi dilakukan saat klien beraktivitas di {place} untuk melihat perilaku dan relasinya dengan orang lain.",
    "Data dari berbagai sumber dibandingkan untuk memastikan keakuratannya.",
    "Hasil asesmen dibahas bersama pendamping lapangan sebelum fokus masalah ditetapkan.",
    "Praktikan juga menelaah dokumen lembaga yang berkaitan dengan riwayat klien.",
]

BPSS = {
    "biologis": [
        "Klien {code} berusia sekitar {age} tahun dengan kondisi fisik {health}.",
        "Pola makan dan tidur klien cukup teratur, meskipun kadang terganggu oleh kegiatan harian.",
        "Klien berpenampilan rapi dan mampu merawat dirinya sendiri.",
        "Tidak ditemukan riwayat penyakit berat selain keluhan ringan yang sudah ditangani puskesmas.",
    ],
    "psikologis": [
        "Klien tampak ramah, tetapi cenderung ragu ketika diminta mengambil keputusan.",
        "Klien mudah cemas ketika menghadapi situasi baru.",
        "Klien memiliki keinginan kuat untuk berubah dan memperbaiki keadaannya.",
        "Kepercayaan diri klien naik turun, bergantung pada dukungan orang di sekitarnya.",
        "Selama wawancara klien mampu menceritakan pengalamannya dengan runtut.",
    ],
    "sosial": [
        "Klien tinggal bersama keluarga inti dan memiliki relasi yang cukup dekat dengan sebagian anggota keluarga.",
        "Relasi klien dengan tetangga baik, tetapi keterlibatannya dalam kegiatan warga masih terbatas.",
        "Klien memiliki beberapa teman dekat yang sering menjadi tempat berbagi cerita.",
        "Di lingkungan {inst}, klien dikenal sebagai pribadi yang pendiam namun bertanggung jawab.",
    ],
    "spiritual": [
        "Klien beragama {religion} dan menjalankan ibadah secara rutin.",
        "Keyakinan agama menjadi sumber kekuatan klien ketika menghadapi kesulitan.",
        "Klien aktif dalam kegiatan keagamaan di lingkungan tempat tinggalnya.",
        "Klien percaya bahwa setiap kesulitan pasti ada jalan keluarnya.",
    ],
}

ECONOMY = [
    "Kondisi ekonomi keluarga klien tergolong {economy}.",
    "Sumber penghasilan keluarga berasal dari pekerjaan informal yang tidak menentu.",
    "Klien berasal dari suku {ethnicity} dan masih memegang tradisi gotong royong di lingkungannya.",
    "Nilai kekeluargaan yang kuat di lingkungan klien menjadi modal sosial dalam pendampingan.",
]

PLAN_PROCESS = [
    "Rencana intervensi disusun berdasarkan fokus masalah hasil asesmen dan dibahas dalam konferensi kasus.",
    "Praktikan melibatkan klien {code} dalam menentukan tujuan agar rencana sesuai kebutuhan dan kemampuan klien.",
    "Setiap kegiatan dilengkapi tujuan yang terukur, tenggat waktu, pihak yang terlibat, serta indikator keberhasilan.",
    "Metode yang dipilih adalah {method_labels}, dengan mempertimbangkan sumber yang tersedia di {inst}.",
    "Pendamping lapangan memberi masukan tentang jadwal agar kegiatan tidak bertabrakan dengan agenda lembaga.",
]

INTERVENTION_OVERVIEW = [
    "Intervensi dilaksanakan dalam {n_sessions} sesi sesuai rencana yang telah disepakati.",
    "Setiap sesi diawali pembukaan singkat, dilanjutkan kegiatan inti, dan diakhiri refleksi bersama klien.",
    "Praktikan mencatat perkembangan klien pada setiap sesi sebagai bahan evaluasi.",
    "Beberapa sesi disesuaikan jadwalnya karena kegiatan lembaga atau kondisi klien.",
]

SESSION_PROCESS = [
    "Praktikan membuka sesi dengan menanyakan kabar dan mengulas kesepakatan pertemuan sebelumnya.",
    "Klien {code} diajak mengungkapkan perasaannya tentang kemajuan yang telah dicapai.",
    "Praktikan memberi contoh langkah demi langkah, lalu klien mencoba melakukannya sendiri.",
    "Diskusi difokuskan pada hambatan yang dialami klien dan alternatif cara mengatasinya.",
    "Praktikan memberi pujian atas usaha klien dan menguatkan langkah yang sudah tepat.",
    "Anggota kelompok saling berbagi pengalaman dan memberi masukan satu sama lain.",
    "Sesi ditutup dengan menyepakati tugas kecil yang akan dikerjakan klien sebelum pertemuan berikutnya.",
    "Praktikan mengamati perubahan sikap klien selama kegiatan berlangsung.",
]

SESSION_RESULT = [
    "Klien mampu menyelesaikan tugas sesi dengan sedikit bantuan.",
    "Klien lebih terbuka menceritakan hambatan yang dialaminya.",
    "Target sesi tercapai sebagian dan akan dilanjutkan pada pertemuan berikutnya.",
    "Klien menunjukkan kemajuan dibandingkan sesi sebelumnya.",
    "Klien menyatakan lebih percaya diri menjalankan kegiatan secara mandiri.",
    "Anggota kelompok aktif terlibat dan suasana sesi hangat.",
]

EVALUATION_OVERVIEW = [
    "Evaluasi dilakukan terhadap proses dan hasil pertolongan.",
    "Evaluasi proses menilai kesesuaian setiap tahap dengan pedoman praktikum dan kode etik.",
    "Evaluasi hasil membandingkan kondisi klien sebelum dan sesudah intervensi melalui observasi dan wawancara.",
    "Capaian tugas diukur dengan Task Achievement Scale, sedangkan capaian tujuan dengan Goal Attainment Scaling.",
]

PROCESS_EVAL = {
    "engagement": ["Tahap engagement berjalan lancar karena praktikan mendapat dukungan pendamping lapangan.",
                   "Engagement memerlukan waktu lebih lama dari rencana karena calon klien awalnya ragu."],
    "asesmen": ["Asesmen berjalan sesuai pedoman; data dari klien dan significant others saling menguatkan.",
                "Beberapa informan sulit ditemui sehingga jadwal asesmen perlu diperpanjang."],
    "rencana_intervensi": ["Rencana disusun bersama klien dan diperbaiki sesuai masukan konferensi kasus.",
                           "Penyusunan rencana sempat tertunda karena menunggu jadwal konferensi kasus."],
    "intervensi": ["Intervensi berjalan sesuai jadwal dengan beberapa penyesuaian waktu.",
                   "Sebagian sesi harus dipindah karena kegiatan lembaga, tetapi seluruh kegiatan tetap terlaksana."],
}

TERMINATION = [
    "Terminasi dilakukan setelah tujuan intervensi dinilai tercapai dan klien {code} siap melanjutkan kegiatan secara mandiri.",
    "Praktikan mengulas kembali perjalanan pendampingan bersama klien dan menyampaikan capaian yang telah diraih.",
    "Klien diberi kesempatan menyampaikan kesan dan harapan setelah pendampingan berakhir.",
    "Praktikan menjelaskan pihak yang dapat dihubungi klien bila membutuhkan bantuan lanjutan.",
    "Perpisahan dilakukan dengan hangat tanpa menimbulkan ketergantungan.",
]

INTEGRATION = [
    "Casework dan groupwork saling melengkapi dalam penanganan kasus ini.",
    "Pendekatan individual membantu praktikan memahami kebutuhan khusus klien, sedangkan kegiatan kelompok memberi ruang dukungan sebaya.",
    "Di {inst}, integrasi metode juga tampak pada keterlibatan keluarga dan staf dalam setiap tahap.",
    "Pengalaman ini menunjukkan bahwa satu metode saja sering tidak cukup untuk masalah yang kompleks.",
    "Keterkaitan metode membuat hasil intervensi lebih berkelanjutan setelah praktikan selesai bertugas.",
]

BEST = [
    "Capaian terbaik praktikan adalah membangun relasi yang tulus dengan klien sehingga klien berani mencoba hal baru.",
    "Praktikan berhasil menyusun rencana intervensi yang realistis dan dijalankan hingga tuntas.",
    "Praktikan mampu bekerja sama dengan staf lembaga dan keluarga klien secara efektif.",
]

REFLECTION = [
    "Selama praktikum, praktikan menyadari pentingnya kesabaran dan kepekaan dalam menghadapi klien.",
    "Praktikan belum sepenuhnya terampil menyusun pertanyaan asesmen yang tajam, sehingga perlu terus berlatih.",
    "Supervisi rutin membantu praktikan merefleksikan setiap keputusan profesional yang diambil.",
    "Pengalaman di lapangan memperlihatkan bahwa teori perlu disesuaikan dengan kondisi nyata klien.",
    "Praktikan semakin yakin bahwa pekerjaan sosial menuntut komitmen terhadap nilai dan etika profesi.",
    "Kesalahan kecil dalam mengatur jadwal menjadi catatan penting bagi praktikan untuk praktikum berikutnya.",
]

DILEMMAS = [
    ("Klien meminta agar sebagian ceritanya tidak disampaikan kepada pihak lembaga, padahal informasi itu penting bagi perencanaan.",
     "Praktikan menghormati permintaan klien dan hanya menyampaikan kebutuhan umum tanpa menyebut detail pribadi, setelah berdiskusi dengan dosen pembimbing."),
    ("Keluarga ingin mengambil keputusan atas nama klien, sementara klien ingin menentukan pilihannya sendiri.",
     "Praktikan memfasilitasi pertemuan keluarga agar pendapat klien didengar, dengan tetap mempertimbangkan keselamatannya."),
    ("Klien memberi hadiah sebagai ungkapan terima kasih di akhir pendampingan.",
     "Praktikan menolak dengan sopan dan menjelaskan batas relasi profesional, lalu mengalihkan ungkapan terima kasih menjadi ucapan tertulis."),
]

OTHER_ACTIVITIES = [
    ("Pemetaan sosial wilayah", "Praktikan ikut memetakan potensi dan masalah sosial di wilayah kerja lembaga bersama staf."),
    ("Kegiatan posyandu", "Praktikan membantu kader menimbang balita dan mencatat hasil pemeriksaan."),
    ("Rapat koordinasi lembaga", "Praktikan mengikuti rapat bulanan dan menyampaikan perkembangan kasus yang ditangani."),
    ("Peringatan hari besar", "Praktikan membantu panitia menyiapkan lomba dan kegiatan bersama penerima manfaat."),
    ("Kunjungan rumah", "Praktikan mendampingi pekerja sosial lembaga mengunjungi keluarga penerima manfaat."),
]

CHALLENGES = [
    "Mengatur waktu antara tugas lembaga dan tugas penanganan kasus.",
    "Menyesuaikan diri dengan budaya kerja lembaga.",
    "Menjaga konsistensi jadwal pertemuan dengan klien.",
    "Memilih teknik yang tepat untuk kondisi klien yang berubah-ubah.",
    "Menulis laporan secara rinci di tengah padatnya kegiatan lapangan.",
]

CONCLUSION = [
    "Praktikum di {inst} berlangsung dari {start} sampai {end} dan seluruh tahap pertolongan telah dijalankan.",
    "Penanganan klien {code} berfokus pada {focus_lower}",
    "Intervensi dengan {method_labels} menghasilkan perubahan yang tercermin dalam skor TAS {tas} ({tas_label}).",
    "Praktikan juga memahami konteks, program, dan jaringan kerja lembaga melalui keterlibatan dalam kegiatan rutin.",
    "Tujuan praktikum secara umum telah tercapai, meskipun beberapa hal masih perlu ditindaklanjuti oleh lembaga.",
]

RECOMMENDATIONS = [
    "Bagi lembaga: melanjutkan pemantauan perkembangan klien {code} setelah praktikum berakhir.",
    "Bagi lembaga: mendokumentasikan kegiatan pendampingan secara rutin agar mudah dievaluasi.",
    "Bagi kampus: memperpanjang masa praktikum agar intervensi dapat berjalan lebih mendalam.",
    "Bagi kampus: membekali mahasiswa dengan simulasi asesmen sebelum turun ke lapangan.",
    "Bagi keluarga klien: terus memberi dukungan dan kesempatan bagi klien untuk mandiri.",
]

FOREWORD = [
    "Puji syukur praktikan panjatkan kepada Tuhan Yang Maha Esa atas rahmat-Nya sehingga laporan praktikum di {inst} dapat diselesaikan.",
    "Laporan ini disusun sebagai salah satu syarat menyelesaikan praktikum pada program studi {programme} {campus}.",
    "Praktikan menyadari bahwa laporan ini masih jauh dari sempurna, sehingga kritik dan saran sangat diharapkan.",
    "Semoga laporan ini bermanfaat bagi pengembangan praktik pekerjaan sosial.",
]


def sentences(rng: random.Random, bank: list[str], k: int, ctx: dict) -> list[str]:
    """`k` distinct sentences of `bank`, in bank order (so a paragraph still reads forward)."""
    k = min(k, len(bank))
    chosen = sorted(rng.sample(range(len(bank)), k))
    return [bank[i].format(**ctx) for i in chosen]


def paragraph(rng: random.Random, bank: list[str], k: int, ctx: dict) -> str:
    return " ".join(sentences(rng, bank, k, ctx))


def wrap(text: str, width: int = 110) -> str:
    """Break a paragraph into lines for a readable YAML block (Markdown joins them again)."""
    lines, line = [], ""
    for word in text.split(" "):
        # A line must not start like Markdown syntax ("2024." would begin an ordered list).
        if line and len(line) + 1 + len(word) > width and not _MARKDOWN_START.match(word):
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def prose(*paragraphs: str) -> str:
    return "\n\n".join(wrap(p) for p in paragraphs if p) + "\n"
