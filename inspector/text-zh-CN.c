/* SPDX-License-Identifier: MIT */
/* text-zh-CN.c - the inspector's words in Chinese (zh-CN). Kernel names
 * (setsid(), SIGHUP, /proc fields) stay as they are. */
#include "text.h"

const char *const text_zh_cn[TEXT_COUNT] = {
	[T_CHANGED] =
	    "变化",
	[T_DETAIL] =
	    "详情",
	[T_LESSON] =
	    "课文",
	[T_TERMINAL] =
	    "终端",
	[T_LEGEND] =
	    "高亮：上一步改变的值 · x、暗色："
	    "已退出 · >：选中的行（上/下键）",
	[T_NOTHING] =
	    "还没有变化",
	[T_WAITING] =
	    "等待第一步",
	[T_SAYS] =
	    "步骤报告：",
	[T_ERROR] =
	    "错误：",
	[T_START] =
	    "按 n（或空格）开始第一步。每一步做一个系统调用然后暂停；表格显示它"
	    "改变了什么。",
	[T_WATCH] =
	    "看什么",
	[T_ATTACHED] =
	    "已附加：检查器每秒读取一次这些进程"
	    "及其后代的 /proc。某个进程一有变化，上方就会高亮并解释这个变化，"
	    "这里显示相应的课文。",
	[T_KEYS_ATTACHED] =
	    "            q 退出 · 上/下 · ? 帮助",
	[T_KEYS] =
	    " n 下一步 · r 重来 · q 退出 · ? 帮助",
	[T_IGNORED_ONE] =
	    "已忽略 1 条来自本次运行之外的报告",
	[T_IGNORED] =
	    "已忽略 %d 条来自本次运行之外的报告",

	/* Locales (issue 8) */
	[T_CHAIN_SYSV] =
	    "System V：两次 fork（APUE 13.3）",
	[T_CHAIN_BSD] =
	    "BSD daemon(3)：只 fork 一次",
	[T_CHAIN_MISTAKE] =
	    "经典错误：没有先 fork 就调用 setsid()",
	[T_CHAIN_DAEMON7] =
	    "daemon(7)：System V 式守护进程的清单，就绪时通知原来的父进程",
	[T_CHAIN_NEWSTYLE] =
	    "daemon(7)：新式守护进程，完全不 fork",
	[T_TITLE_STEP] =
	    " 步骤 %d/%d：%s · %s",
	[T_TITLE_READY] =
	    " 步骤 %d/%d · %s",
	[T_TITLE_COMPARE] =
	    " daemonlab · 对比：%s 与 %s",
	[T_TITLE_COMMAND] =
	    " daemonlab · %s",
	[T_TITLE_ATTACHED] =
	    " daemonlab · 已附加",
	[T_COMPARE_STEP] =
	    "%s · 步骤 %d/%d：%s",
	[T_COMPARE_READY] =
	    "%s · 步骤 %d/%d",
	[T_ZOMBIE_CELL] =
	    " (僵尸)",
	[T_EXITED_PID] =
	    "PID %d 已退出",
	[T_YES] =
	    "是",
	[T_NO] =
	    "否",
	[T_DETAIL_PROC] =
	    "PID %d %s%s：进程组组长 %s · 会话首进程 %s · 前台 %s · "
	    "父进程 %s",
	[T_DETAIL_EXITED] =
	    "（已退出）",
	[T_DETAIL_ZOMBIE] =
	    "（僵尸进程）",
	[T_FDS_UNREADABLE] =
	    "描述符：无法读取（另一个用户的进程）",
	[T_FDS_NONE] =
	    "描述符：一个也没有打开",
	[T_HELP] =
	    "daemonlab - 按键\n"
	    "\n"
	    "n、空格、回车     继续执行暂停中的步骤\n"
	    "r                 从头重新运行整条链\n"
	    "s、t              SIGHUP（重读）、SIGTERM 给 step-serve\n"
	    "q                 退出（启动的进程一个也不留下）\n"
	    "上、下            选中一行，下方显示它的详情\n"
	    "d                 会话示意图 / 表格\n"
	    "[ ]、左、右       回看前面各步；1-4 回答自测题\n"
	    "H                 挂断终端，就像登出时那样\n"
	    "PgUp/PgDn、l、g   滚动课文；整篇课文；术语表\n"
	    "?                 本帮助；按任意键关闭\n"
	    "Ctrl-L、Ctrl-Z    重画屏幕；挂起（fg 回来）\n"
	    "\n"
	    "高亮的值是上一步改变的。\n"
	    "标有 x（并且变暗）的行已经退出，保留最后的值。\n"
	    "PPID 标明父进程：“1 init”，或者收养了这个进程的\n"
	    "子进程收割者（subreaper，本检查器就是一个）。",
	[T_HELP_ATTACHED] =
	    "daemonlab -p - 按键\n"
	    "\n"
	    "q                 退出（这些进程继续运行）\n"
	    "上、下            选中一行，下方显示它的详情\n"
	    "d                 会话示意图 / 表格\n"
	    "PgUp/PgDn、l、g   滚动课文；整篇课文；术语表\n"
	    "?                 本帮助；按任意键关闭\n"
	    "Ctrl-L、Ctrl-Z    重画屏幕；挂起（fg 回来）\n"
	    "\n"
	    "这里没有分步执行：检查器每秒查看一次，\n"
	    "高亮自上次查看以来改变的值。\n"
	    "标有 x（并且变暗）的行已经退出，保留最后的值。\n"
	    "PPID 标明父进程：“1 init”，或者收养了这个进程的\n"
	    "子进程收割者（subreaper）。",
	[T_TOO_SMALL] =
	    "daemonlab 需要至少 %dx%d 的终端，这个终端是 %dx%d。请把它放大"
	    "（按 q 退出）。",
	[T_STATUS_ENDED] =
	    "整条链已经结束：按 r 再运行一次，按 q 退出。",
	[T_STATUS_NOT_PAUSED] =
	    "现在没有暂停的步骤；请等这一步报告。",
	[T_STATUS_RESTARTED] =
	    "已重新开始。",
	[T_STATUS_NO_UTF8] =
	    "显示英文：中文需要 UTF-8 的 locale，本机一个也没有安装（见 "
	    "locale -a）。",
	[T_STATUS_ASCII] =
	    "显示英文：--ascii 只用 ASCII 字符绘制，中文无法用它写出。",
	[T_CH_ZOMBIE] =
	    "STAT Z：它已经退出，但父进程还没有回收它（僵尸进程）",
	[T_CH_PID_FORK] =
	    "PID %d → %d：一个新进程（fork）；父进程退出，子进程继续",
	[T_CH_PPID_INIT] =
	    "PPID %d → 1：父进程已退出，由 init（PID 1）收养",
	[T_CH_PPID_SUBREAPER] =
	    "PPID %d → %s：父进程已退出；收养它的是子进程收割者"
	    "（subreaper），不是 init",
	[T_CH_PPID] =
	    "PPID %s → %s",
	[T_CH_PGID_LEADER] =
	    "PGID %d → %d：它成为一个新进程组的组长",
	[T_CH_PGID] =
	    "PGID %d → %d",
	[T_CH_NOT_GROUP_LEADER] =
	    "PID %d ≠ PGID %d：不再是进程组组长，所以 setsid() 可以成功",
	[T_CH_SID_LEADER] =
	    "SID %d → %d：它成为一个新会话的首进程",
	[T_CH_SID] =
	    "SID %d → %d",
	[T_CH_NOT_SESSION_LEADER] =
	    "PID %d ≠ SID %d：不是会话首进程，所以不能获得控制终端（除非它再次调用 setsid()）",
	[T_CH_TTY_LOST] =
	    "TTY %s → ?：它不再有控制终端",
	[T_CH_TTY_ACQUIRED] =
	    "TTY ? → %s：它获得了一个控制终端",
	[T_CH_TTY] =
	    "TTY %s → %s",
	[T_CH_TPGID_FG] =
	    "TPGID %d → %d：它所在的进程组占有终端（前台）",
	[T_CH_TPGID_BG] =
	    "TPGID %d → %d：另一个进程组占有终端；这个进程组在后台",
	[T_CH_UMASK_ZERO] =
	    "UMASK %04o → 0000：它创建的文件正好得到它所要求的权限",
	[T_CH_UMASK] =
	    "UMASK %s → %s",
	[T_CH_UID] =
	    "UID %ld → %ld",
	[T_CH_CWD_ROOT] =
	    "CWD %s → %s：它不再占用任何已挂载的文件系统",
	[T_CH_CWD] =
	    "CWD %s → %s",
	[T_CH_FDS_ALL_CLOSED] =
	    "FDS：全部 %d 个描述符都已关闭（%s），连 0、1、2 也不例外",
	[T_CH_FDS_CLOSED] =
	    "FDS：描述符%s 已关闭",
	[T_CH_FDS_OPEN] =
	    "FDS：现在打开的是 %s",
	[T_CH_COMMAND_EXEC] =
	    "COMMAND %s → %s：exec 在同一个进程里运行了新程序",
	[T_CH_COMMAND] =
	    "COMMAND %s → %s",
	/* 80x24 and the modes without steps (issue 8, sections 1 and 3) */
	[T_MORE_ROWS] =
	    "另有 %d 个进程（上/下键）",
	[T_LEGEND_WATCH] =
	    "高亮：刚刚改变的值 · x、暗色："
	    "已退出 · >：选中的行（上/下键）",
	[T_START_COMMAND] =
	    "这个命令不报告步骤，所以不会暂停，n 也没有可继续的步骤。"
	    "检查器每秒读取一次它及其后代的 /proc；每个变化都会在上方高亮并"
	    "解释，这里显示相应的课文。",
	[T_JOB_EXEC] =
	    "COMMAND %s → %s：命令解释器启动了作业（先 fork，再 exec 这个命令）",
	/* survey */
	[T_SK_KTHREAD] = "内核线程",
	[T_SK_INIT] = "init",
	[T_SK_MANAGER] = "服务管理器",
	[T_SK_DAEMON_LEADER] = "守护/首进程",
	[T_SK_DAEMON_FORKED] = "守护/二次fork",
	[T_SK_WORKER] = "工作进程",
	[T_SK_SHELL] = "终端首进程",
	[T_SK_FOREGROUND] = "前台作业",
	[T_SK_BACKGROUND] = "后台作业",
	[T_SK_ORPHANED] = "孤儿进程组",
	[T_SK_ZOMBIE] = "僵尸",
	[T_SK_UNKNOWN] = "未知",
	[T_SKN_KTHREAD] = "内核线程",
	[T_SKN_INIT] = "init（PID 1）",
	[T_SKN_MANAGER] = "服务管理器",
	[T_SKN_DAEMON_LEADER] = "守护进程，会话首进程",
	[T_SKN_DAEMON_FORKED] = "守护进程，两次 fork",
	[T_SKN_WORKER] = "守护进程的工作进程",
	[T_SKN_SHELL] = "终端的会话首进程（shell）",
	[T_SKN_FOREGROUND] = "前台作业",
	[T_SKN_BACKGROUND] = "后台作业",
	[T_SKN_ORPHANED] = "孤儿进程组",
	[T_SKN_ZOMBIE] = "僵尸进程",
	[T_SKN_UNKNOWN] = "未知",
	[T_SKW_KTHREAD] =
	    "stat 第 9 个字段（flags）设置了 PF_KTHREAD：由内核运行。通常是 "
	    "kthreadd（PID 2）的子进程，PGID 和 SID 为 0，没有命令行。仅凭 "
	    "PPID 2 不能断定：内核启动的用户态辅助程序的 PPID 也是 2。",
	[T_SKW_INIT] =
	    "PID 1：内核启动的第一个用户层程序。它的 PPID 和 kthreadd 一样是 "
	    "0，却没有设置 PF_KTHREAD；在它调用 setsid() 之前，PGID 和 SID "
	    "可能是 0。没有被子收割者（subreaper）收养的孤儿都由它收养。",
	[T_SKW_MANAGER] =
	    "有 %d 个别的进程的孤儿挂在它下面（子进程所在的会话既不由它领导，"
	    "也不由子进程领导：只有收养才会这样），另有 %d 个没有终端的子进程"
	    "各自领导自己的会话（管理器为每个服务调用 setsid()）。/proc 不显示"
	    " subreaper 标志，这就是识别它的依据。",
	[T_SKW_DAEMON_LEADER] =
	    "没有控制终端（TTY ?，TPGID -1），并且 SID = PGID = PID：这是 "
	    "setsid() 留下的样子。BSD 的 daemon(3) 这样做，systemd 之类的管理器"
	    "也为它启动的每个服务这样做。",
	[T_SKW_DAEMON_FORKED] =
	    "没有控制终端，并且 SID != PID：不是会话首进程，所在会话的首进程"
	    "也不是它的父进程：这是 System V 第二次 fork 留下的样子。它永远"
	    "无法获得控制终端。",
	[T_SKW_WORKER] =
	    "没有控制终端，SID != PID，而它的父进程（主进程）在同一个会话里："
	    "这是主进程 fork 出的工作进程（nginx 的工作进程、Apache prefork 的子"
	    "进程）。sshd 的子进程和 postgres 的后端进程则调用 setsid()，各自"
	    "领导一个会话。",
	[T_SKW_SHELL] =
	    "有控制终端，并且 SID = PID：它领导这个终端的会话，就像登录 shell。"
	    "它退出时，终端的前台进程组会收到 SIGHUP。",
	[T_SKW_FOREGROUND] =
	    "有控制终端，并且 PGID = TPGID：它的进程组是终端的前台进程组，"
	    "STAT 带 +。在终端上按键会给它发 SIGINT 和 SIGTSTP。",
	[T_SKW_BACKGROUND] =
	    "有控制终端，并且 PGID != TPGID：后台作业。读终端会让它收到 "
	    "SIGTTIN 而停止。",
	[T_SKW_ORPHANED] =
	    "它的进程组里没有哪个成员的父进程在同一会话的另一个进程组里"
	    "（POSIX 所说的孤儿进程组）：没有 shell 控制这个作业。若没有终端，"
	    "就是比会话首进程活得更久的作业（nohup、disown、注销之后）。",
	[T_SKW_ZOMBIE] =
	    "STAT Z：它已经退出，而它的父进程 %s 还没有用 wait() 取走它的退出"
	    "状态；必须由这个父进程回收它（父进程若先退出，init 或 subreaper "
	    "会收养并回收它）。",
	[T_SKW_UNKNOWN] =
	    "哪一类都不符合；各字段见下。SID 或 PGID 为 0 表示它从未离开内核"
	    "启动 PID 1 时所在的会话：没有调用过 setsid() 或 setpgid()。",
	[T_SURVEY_TITLE] =
	    " daemonlab · 全机进程：%d 个 · %s · %s",
	[T_SURVEY_FLAT] = "平铺（ps -axj）",
	[T_SURVEY_TREE] = "树形（ps -axjf）",
	[T_SURVEY_ALL] = "所有类别",
	[T_SURVEY_KEYS] =
	    " 上/下 · t 树形 · k 类别 · c 论断 · l 课文 · a 附加 · ? 类别说明 · q 退出",
	[T_SURVEY_CLAIMS] =
	    "种子文本的论断在本机的检验",
	[T_SURVEY_FACTS] =
	    "flags（stat 第 9 个字段）0x%x · 会话中 %d 个进程，进程组中 %d 个"
	    " · 父进程 %s",
	[T_SURVEY_NO_PARENT] = "不在这次读取中",
	[T_SURVEY_CL_PPID0] =
	    "父进程 ID 为 0 的进程是内核进程：%d / %d",
	[T_SURVEY_EX_PPID0] =
	    "PID %d %s 是用户层进程（没有 PF_KTHREAD）",
	[T_SURVEY_CL_KTHREAD] =
	    "内核进程以超级用户特权运行，无控制终端，无命令行：%d / %d",
	[T_SURVEY_CL_INIT] =
	    "init 的进程号为 1，是用户层程序：本机的 PID 1 是 %s，%s，"
	    "PGID %d，SID %d",
	[T_SURVEY_CL_ROOT] =
	    "大多数守护进程以超级用户运行：%d / %d（UID 是有效用户 ID，与 "
	    "ps -axj 相同）",
	[T_SURVEY_EX_UID] = "%d 个 UID 为 %ld",
	[T_SURVEY_CL_LEAD] =
	    "所有用户层守护进程都是进程组的组长和会话的首进程：%d / %d",
	[T_SURVEY_EX_KIND] = "%d 个%s",
	[T_SURVEY_CL_ALONE] =
	    "而且是组和会话中唯一的进程：%d / %d 个首进程",
	[T_SURVEY_EX_CROWD] = "PID %d %s 的会话里有 %d 个进程",
	[T_SURVEY_CL_PARENT] =
	    "绝大多数守护进程的父进程是 init：%d / %d",
	[T_SURVEY_EX_PARENT] = "%d 个在 %s（PID %d）之下",
	[T_SURVEY_CL_NOTTY] =
	    "守护进程都没有控制终端（TTY ?，TPGID -1）：不检验，按定义成立："
	    "本表正是以没有控制终端来认定守护进程的",
	[T_SURVEY_EMPTY] = "目前没有这一类的进程",
	[T_SURVEY_GONE] = "PID %d 已经退出：无法附加",
	[T_SURVEY_HOLDS] = "用户层，没有 PF_KTHREAD",
	[T_SURVEY_BUT] = "——",
	/* D diagram: the sessions diagram (issue 12, item 2) */
	[T_DG_SESSION] = "会话 %d",
	[T_DG_GROUP] = "进程组 %d",
	[T_DG_SLEADER] = "会话首进程+组长进程",
	[T_DG_GLEADER] = "组长进程",
	[T_DG_EXITED] = "已退出",
	[T_DG_ZOMBIE] = "僵尸进程",
	[T_DG_NOTTY] = "没有控制终端",
	[T_DG_TPGID] = "TPGID %d",
	[T_DG_MORE] = "另有 %d 个进程没有画出（d：看表格）",
	[T_DG_LEGEND] =
	    "%s 终端的前台进程组（TPGID）· * 上一步改变的 · x 已退出",

	/* C, transcript: daemonlab --transcript CHAIN (transcript.c) */
	[T_TR_TITLE] =
	    "运行记录：%s",
	[T_TR_INTRO] =
	    "`%s` 链按检查器运行它的方式运行：它是一个小 shell 的前台作业，"
	    "有自己的伪终端，检查器是收养它的孤儿进程的子进程收割者"
	    "（subreaper）。`daemonlab --transcript %s` 在每次暂停时让它继续，"
	    "并写下了这一页：步骤报告了什么，`daemonlab --once` 打印的表格"
	    "（实时读取 /proc），界面在“变化”下显示的句子，以及课文说要看什么。"
	    "这条链是：",
	[T_TR_RAN] =
	    "运行在真实的内核上：%s %s（%s），UID 为 %d，从 `%s` 启动；"
	    "链继承了一个父进程“忘了”关闭的文件，在描述符 %d 上。PID 和终端"
	    "编号都是这一次运行的。表格只列出还活着的进程；在某一步里退出的"
	    "进程写在那一步的表格下面。",
	[T_TR_STEP] =
	    "步骤 %d/%d：%s",
	[T_TR_PARENT_SAYS] =
	    "父进程报告：",
	[T_TR_FAILED] =
	    "这一步失败并退出了；链到此为止。",
	[T_TR_NO_CHANGE] =
	    "表格显示的值都没有变化。",
	[T_TR_END] =
	    "结束",
	[T_TR_TERMINAL] =
	    "这次运行的终端显示了什么，从 shell 的命令行到它最后的提示符。"
	    "两个进程同时写的行，先后顺序不定：由调度器决定。",
	[T_CH_PID_FORK_WAITS] =
	    "PID %d → %d：一个新进程（fork）；父进程还活着，在等待，子进程"
	    "继续",
	[T_TR_DIAGRAM] =
	    "会话、进程组和终端",
	/* A, issue 10: NOTIFY_SOCKET, s and t */
	[T_NOTIFY_READY] =
	    "服务管理器：收到 PID %d 的 READY=1；它最后说：%s",
	[T_NOTIFY_NOT_READY] =
	    "服务管理器：还没有收到 READY=1；PID %d 最后说：%s",
	[T_NOTIFY_IGNORED_ONE] =
	    "忽略了 1 条来自本次运行之外的通知消息",
	[T_NOTIFY_IGNORED] =
	    "忽略了 %d 条来自本次运行之外的通知消息",
	[T_SERVE_SENT] =
	    "%s 已发给 step-serve（PID %d，经由它的 pidfd）：%s",
	[T_SERVE_NONE] =
	    "还没有守护进程在提供服务：s 和 t 向 step-serve 发信号",
	[T_SERVE_RELOAD] =
	    "重新读取配置",
	[T_SERVE_STOP] =
	    "干净地退出",
	/* A, issue 10: the detail pane */
	[T_DETAIL_IDS] =
	    "UID %ld/%ld GID %ld/%ld（实际/有效）· SigIgn %s · "
	    "SigBlk %s · SigCgt %s",
	[T_DETAIL_LOCK] =
	    " [持有 %s %s 锁]",
	/* B hangup (issue 11) */
	[T_CHAIN_BG] = "prog &：后台作业",
	[T_CHAIN_NOHUP] = "nohup prog &：忽略 SIGHUP，输出写到 nohup.out",
	[T_CHAIN_DISOWN] = "prog & disown：不再是 shell 的作业",
	[T_CHAIN_SETSID1] = "setsid prog：setsid(1) 先 fork，再 setsid() 和 exec",
	[T_HUP_DIED] = "%d %s 死于 SIGHUP（等待状态，%s）：%s",
	[T_HUP_ENDED] = "%d %s 已结束，%s（等待状态，%s）：%s",
	[T_HUP_LIVES_SENT] =
	    "%d %s 仍在运行：它%s。按规则（内核的、shell 的），它收到过 SIGHUP"
	    "（%s）；这一点无法观察到：被忽略或被捕获的信号不留痕迹",
	[T_HUP_LIVES] = "%d %s 仍在运行：%s",
	[T_HUP_UNSEEN] = "%d %s 已结束；本次运行没有收到它的等待状态",
	[T_HUP_WATCHING] = "%d %s：仍在运行，观察中",
	[T_HUP_BY_US] = "由检查器收集",
	[T_HUP_BY_SHELL] = "由 shell 报告",
	[T_HUP_R_CONTROLLING] =
	    "它是控制进程：内核向它发送 SIGHUP 和 SIGCONT"
	    "（tty_signal_session_leader()）",
	[T_HUP_R_FOREGROUND] =
	    "控制进程退出时它在前台进程组中（disassociate_ctty()）",
	[T_HUP_R_JOB] = "它是 shell 的作业，shell 把 SIGHUP 转发给它",
	[T_HUP_R_ORPHANED] =
	    "它的进程组成为孤儿进程组，且有一个成员处于停止状态：先 SIGHUP，"
	    "再 SIGCONT（kill_orphaned_pgrp()）",
	[T_HUP_R_UNKNOWN] = "课程中的规则都没有预料到这一点",
	[T_HUP_N_NO_TTY] = "没有控制终端（setsid()）：没有谁向它发送 SIGHUP",
	[T_HUP_N_OTHER_TTY] = "它的控制终端是另一个终端：没有谁向它发送 SIGHUP",
	[T_HUP_N_BACKGROUND] =
	    "后台进程组，不是 shell 的作业：没有谁向它发送 SIGHUP；"
	    "它只是失去了控制终端",
	[T_HUP_H_IGNORES] = "忽略 SIGHUP（SigIgn）",
	[T_HUP_H_CATCHES] = "捕获 SIGHUP（SigCgt）",
	[T_HUP_H_BLOCKS] = "阻塞 SIGHUP（SigBlk）",
	[T_HUP_EXIT] = "退出码 %d",
	[T_HUP_SIGNAL] = "被 %s 杀死",
	[T_HUP_HEAD] = "在第 %d 步之后挂断，就像关闭终端窗口那样（关闭了 pty 主设备）：",
	[T_HUP_TERM] = "--- 已挂断：检查器关闭了这个终端（按 r 重新开始）---",
	[T_STATUS_HUNG_UP] =
	    "终端已挂断：谁死了来自等待状态，谁还活着来自 /proc。按 r 重新开始。",
	[T_STATUS_HUNG_UP_ALREADY] = "已经挂断了；按 r 重新开始。",
	[T_CHAIN_STOPPED] =
	    "prog，^Z，disown：进程组成为孤儿时它处于停止状态",
	[T_CHAIN_NOHUP_STOPPED] =
	    "nohup prog，^Z，disown：忽略 SIGHUP，看得见 SIGCONT",
	[T_HUP_CONTINUED] =
	    "。挂断时它处于停止状态（T），现在又在运行：这是观察到的 SIGCONT",
	[T_LOGOUT_TITLE] =
	    "登出之后谁还活着，各自还持有什么（TLPI 34.6.1）：\n"
	    "每一种都在自己的终端上从提示符启动，然后像登出时那样挂断那个终端。",
	[T_LOGOUT_BG] = "prog &",
	[T_LOGOUT_NOHUP] = "nohup prog &",
	[T_LOGOUT_DISOWN] = "prog & disown",
	[T_LOGOUT_SETSID] = "setsid prog",
	[T_LOGOUT_DAEMON] = "完整的守护进程（System V 链，走到最后一步）",
	[T_LOGOUT_DIED] = "死于 SIGHUP",
	[T_LOGOUT_LIVES] =
	    "仍在运行：会话 %s（SID %d），TTY %s；描述符 %s；CWD %s",
	[T_LOGOUT_LOGIN] = "是登录会话",
	[T_LOGOUT_OWN] = "是它自己的",
	[T_LOGOUT_UNSEEN] = "已结束，没有收集到它的等待状态",
	[T_LOGOUT_STUCK] = "20 秒内没有走到挂断",
	[T_LOGOUT_NOTE] =
	    "死亡来自等待状态，其余来自挂断之后的 /proc。原因见挂断一课"
	    "（在 daemonlab 中按 H）。",
	/* F: exited rows tell what they are now */
	[T_STAT_GONE] = "已退出",
	[T_STAT_EXIT] = "退出 %d",
	[T_DETAIL_ZOMBIE_REAP] = "（僵尸进程：须由父进程 %s 用 wait() 回收）",
	[T_DETAIL_EXITED_AS] = "（已退出：%s）",
	[T_EXITED_PID_AS] = "PID %d 已退出：%s",
	/* F: history */
	[T_HISTORY_TITLE] = "第 %d/%d 步，%s 时所见 — 按 ] 或右方向键回到现在",
	[T_HISTORY_FIRST] = "这是看到的第一步：按 ] 或右方向键回到现在",
	[T_HISTORY_NONE] = "还没有更早的步骤可以回看",
	[T_HISTORY_UNAVAILABLE] = "这里没有历史：[ 和 ] 只能回看单条链的步骤"
	    "（并排对比、-p 和没有步骤的命令都不行）",
	/* F: --quiz */
	[T_QUIZ_RULE] = "自测",
	[T_QUIZ_NEXT] = "下一步 %s 之前：",
	[T_QUIZ_HINT] = "用数字 1-%d 作答，然后按 n 执行这一步（不作答按 n "
	    "也会执行）。",
	[T_QUIZ_ANSWERED] = "你的回答：%d。按 n 执行这一步，看看实际发生了什么。",
	[T_QUIZ_RIGHT] = "%s：你答 %d，答对了",
	[T_QUIZ_WRONG] = "%s：你答 %d；正确答案是 %d",
	[T_QUIZ_UNANSWERED] = "%s：没有作答；正确答案是 %d",
	[T_QUIZ_AGREES] = "这一步之后的 /proc：%s，与答案一致。",
	[T_QUIZ_DISAGREES] = "这一步之后的 /proc：%s，与答案不符：请看表格。",
	[T_QUIZ_UNCHECKED] = "这一步无法读取 /proc。",
	[T_QUIZ_NONE] = "下一步没有题目：按 n 执行。",
	[T_QUIZ_NOT_ASKED] = "数字键用来回答自测题；现在没有题目。",
	[T_QUIZ_BRIEF_RIGHT] = "%s：%d 正确。/proc：%s",
	[T_QUIZ_BRIEF_WRONG] = "%s：不是 %d，是 %d。/proc：%s",
	[T_QUIZ_BRIEF_NONE] = "%s：答案是 %d。/proc：%s",
	[T_QUIZ_NEXT_BRIEF] = "%s：%s",
	/* E, issue 12: lesson pane, glossary, pacing words */
	[T_LV_WHY] = "守护进程为什么这样做",
	[T_LV_PITFALLS] = "陷阱",
	[T_LV_MORE_UP] = "上面还有 ↑",
	[T_LV_MORE_DOWN] = "下面还有 ↓",
	[T_LV_FULL_TITLE] = "整篇课文",
	[T_LV_FULL_KEYS] =
	    " PgUp/PgDn、上/下、Home/End 滚动 · l、q 或 Esc：返回",
	[T_GL_TITLE] = "术语表：每一列和 STAT 的每个字母，来自 /proc",
	[T_GL_KEYS] =
	    " PgUp/PgDn、上/下 滚动 · g、q 或 Esc：返回",
	[T_GL_PPID] = "父进程的 PID：stat 第 4 个字段（ppid）；旁边是父进程"
	    "的名字（它的 stat 第 2 个字段）、init 或（subreaper）",
	[T_GL_PID] = "进程 ID：stat 第 1 个字段（pid）",
	[T_GL_PGID] = "进程组 ID：stat 第 5 个字段（pgrp）；组长的 PGID 等于"
	    "它的 PID",
	[T_GL_SID] = "会话 ID：stat 第 6 个字段（session）；会话首进程的 SID "
	    "等于它的 PID",
	[T_GL_TTY] = "控制终端：stat 第 7 个字段（tty_nr），按 ps 的方式命名"
	    "（pts/N）；? 表示没有",
	[T_GL_TPGID] = "它的终端的前台进程组：stat 第 8 个字段（tpgid）；-1 "
	    "表示没有终端",
	[T_GL_STAT] = "状态：stat 第 3 个字段（state），后面的字母来自 nice"
	    "（19）、num_threads（20）、status 的 VmLck: 以及 SID、TPGID",
	[T_GL_UID] = "用户 ID：status 的 Uid:（第一个，实际用户 ID）",
	[T_GL_UMASK] = "文件模式创建屏蔽字：status 的 Umask:",
	[T_GL_CWD] = "当前目录：/proc/PID/cwd 的 readlink",
	[T_GL_FDS] = "打开的描述符：每个 /proc/PID/fd/N 的 readlink；"
	    "0-2 null 表示 0、1、2 都指向 /dev/null，+K 表示另外 K 个",
	[T_GL_COMMAND] = "程序名：stat 第 2 个字段（comm），已转义",
	[T_GL_ST_RUNNING] = "正在运行或可以运行（stat 第 3 个字段）",
	[T_GL_ST_SLEEPING] = "睡眠，信号可以唤醒（stat 第 3 个字段）："
	    "暂停的步骤就这样等待",
	[T_GL_ST_DISK] = "不可中断的睡眠，通常在等 I/O（stat 第 3 个字段）",
	[T_GL_ST_STOPPED] = "被作业控制停止：SIGSTOP、SIGTSTP（stat 第 3 个"
	    "字段）",
	[T_GL_ST_TRACED] = "被调试器停止（stat 第 3 个字段）",
	[T_GL_ST_DEAD] = "已死亡，正在被清除（stat 第 3 个字段）；几乎看不到",
	[T_GL_ST_ZOMBIE] = "僵尸：已经退出，父进程还没有 wait 它（stat 第 3 "
	    "个字段）",
	[T_GL_ST_PARKED] = "停放的内核线程（stat 第 3 个字段）",
	[T_GL_ST_IDLE] = "空闲的内核线程（stat 第 3 个字段）",
	[T_GL_FL_HIGH] = "高优先级：nice < 0（stat 第 19 个字段）",
	[T_GL_FL_NICE] = "低优先级：nice > 0（stat 第 19 个字段）",
	[T_GL_FL_LOCKED] = "有页面锁定在内存中：status 的 VmLck: > 0",
	[T_GL_FL_SESSION] = "会话首进程：SID = PID（stat 第 6、1 个字段）",
	[T_GL_FL_THREADS] = "不止一个线程：num_threads > 1（stat 第 20 个"
	    "字段）",
	[T_GL_FL_FOREGROUND] = "在它的终端的前台进程组中：TPGID = PGID"
	    "（stat 第 8、5 个字段）",
	[T_COMPARE_WAITS] = "%s 没有“%s”这一步：它等待 %s",
	[T_LV_ABOUT] = "这一步做什么",
};


